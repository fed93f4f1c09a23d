package dev.woes.definition.web;

import java.util.UUID;

import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.definition.TagManagement;
import dev.woes.definition.TagNotFound;
import dev.woes.definition.TagScope;
import dev.woes.definition.web.DefinitionResponses.TagListResponse;
import dev.woes.definition.web.DefinitionResponses.TagResponse;
import dev.woes.definition.web.TagRequests.CreateTagRequest;
import dev.woes.definition.web.TagRequests.UpdateTagRequest;
import dev.woes.event.Actor;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.Uuids;
import dev.woes.workspace.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Definitions")
@RestController
@RequestMapping("/api/v1/tags")
class TagController {

	private final TagManagement tags;

	TagController(TagManagement tags) {
		this.tags = tags;
	}

	@Operation(operationId = "listTags", summary = "List tags",
			description = "Every tag of the workspace by name, " + "optionally only those of one scope.")
	@GetMapping
	@RequiresScope(Scope.DEFINITIONS_READ)
	TagListResponse list(WorkspaceId workspace,
			@Parameter(description = "issue or account") @RequestParam(name = "scope", required = false) String scope) {
		TagScope parsed = (scope != null) ? TagScope.fromWireName(scope)
			.orElseThrow(() -> new InvalidRequest("scope must be one of issue, account.")) : null;
		return new TagListResponse("list", false,
				this.tags.list(workspace, parsed).stream().map(DefinitionJson.Tag::of).toList());
	}

	@Operation(operationId = "createTag", summary = "Create tag",
			description = "Names are unique in the workspace regardless of case (409).")
	@PostMapping
	@RequiresScope(Scope.DEFINITIONS_WRITE)
	ResponseEntity<TagResponse> create(WorkspaceId workspace, Actor actor, @Valid @RequestBody CreateTagRequest body) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new TagResponse(DefinitionJson.Tag.of(this.tags.create(workspace, actor, body.name(),
					TagRequests.scope(body.scope()), body.color(), body.description()))));
	}

	@Operation(operationId = "getTag", summary = "Retrieve tag")
	@GetMapping("/{tagId}")
	@RequiresScope(Scope.DEFINITIONS_READ)
	TagResponse get(WorkspaceId workspace, @PathVariable("tagId") String tagId) {
		return new TagResponse(DefinitionJson.Tag.of(this.tags.get(workspace, id(tagId))));
	}

	@Operation(operationId = "updateTag", summary = "Update tag",
			description = "Any of name, scope, color, description.")
	@PatchMapping("/{tagId}")
	@RequiresScope(Scope.DEFINITIONS_WRITE)
	TagResponse update(WorkspaceId workspace, Actor actor, @PathVariable("tagId") String tagId,
			@Valid @RequestBody UpdateTagRequest body) {
		body.requireAny();
		return new TagResponse(DefinitionJson.Tag.of(this.tags.update(workspace, actor, id(tagId), body.name(),
				TagRequests.scope(body.scope()), body.color(), body.description())));
	}

	@Operation(operationId = "deleteTag", summary = "Delete tag",
			description = "The tag is taken off every conversation.")
	@DeleteMapping("/{tagId}")
	@RequiresScope(Scope.DEFINITIONS_WRITE)
	ResponseEntity<Void> delete(WorkspaceId workspace, Actor actor, @PathVariable("tagId") String tagId) {
		this.tags.delete(workspace, actor, id(tagId));
		return ResponseEntity.noContent().build();
	}

	private static UUID id(String text) {
		return Uuids.parse(text).orElseThrow(TagNotFound::new);
	}

}
