package dev.woes.definition.web;

import java.util.UUID;

import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.definition.CustomFieldManagement;
import dev.woes.definition.CustomFieldNotFound;
import dev.woes.definition.web.DefinitionResponses.CustomFieldListResponse;
import dev.woes.definition.web.DefinitionResponses.CustomFieldResponse;
import dev.woes.definition.web.TagRequests.CreateCustomFieldRequest;
import dev.woes.definition.web.TagRequests.UpdateCustomFieldRequest;
import dev.woes.event.Actor;
import dev.woes.shared.Uuids;
import dev.woes.workspace.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Definitions")
@RestController
@RequestMapping("/api/v1/custom-fields")
class CustomFieldController {

	private final CustomFieldManagement fields;

	CustomFieldController(CustomFieldManagement fields) {
		this.fields = fields;
	}

	@Operation(operationId = "listCustomFields", summary = "List custom fields",
			description = "Every custom field of the workspace, oldest first.")
	@GetMapping
	@RequiresScope(Scope.DEFINITIONS_READ)
	CustomFieldListResponse list(WorkspaceId workspace) {
		return new CustomFieldListResponse("list", false,
				this.fields.list(workspace).stream().map(DefinitionJson.CustomField::of).toList());
	}

	@Operation(operationId = "createCustomField", summary = "Create custom field",
			description = "select and multi-select fields need options; the other types take none.")
	@PostMapping
	@RequiresScope(Scope.DEFINITIONS_WRITE)
	ResponseEntity<CustomFieldResponse> create(WorkspaceId workspace, Actor actor,
			@Valid @RequestBody CreateCustomFieldRequest body) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new CustomFieldResponse(
					DefinitionJson.CustomField.of(this.fields.create(workspace, actor, body.label(), body.parsedType(),
							body.enabled(), body.fillMode(), body.description(), body.options()))));
	}

	@Operation(operationId = "getCustomField", summary = "Retrieve custom field")
	@GetMapping("/{customFieldId}")
	@RequiresScope(Scope.DEFINITIONS_READ)
	CustomFieldResponse get(WorkspaceId workspace, @PathVariable("customFieldId") String customFieldId) {
		return new CustomFieldResponse(DefinitionJson.CustomField.of(this.fields.get(workspace, id(customFieldId))));
	}

	@Operation(operationId = "updateCustomField", summary = "Update custom field",
			description = "Any of label, enabled, fillMode, description, options; the type is fixed.")
	@PatchMapping("/{customFieldId}")
	@RequiresScope(Scope.DEFINITIONS_WRITE)
	CustomFieldResponse update(WorkspaceId workspace, Actor actor, @PathVariable("customFieldId") String customFieldId,
			@Valid @RequestBody UpdateCustomFieldRequest body) {
		body.requireAny();
		return new CustomFieldResponse(DefinitionJson.CustomField.of(this.fields.update(workspace, actor,
				id(customFieldId), body.label(), body.enabled(), body.fillMode(), body.description(), body.options())));
	}

	@Operation(operationId = "deleteCustomField", summary = "Delete custom field",
			description = "Every conversation's value of the field goes with it.")
	@DeleteMapping("/{customFieldId}")
	@RequiresScope(Scope.DEFINITIONS_WRITE)
	ResponseEntity<Void> delete(WorkspaceId workspace, Actor actor,
			@PathVariable("customFieldId") String customFieldId) {
		this.fields.delete(workspace, actor, id(customFieldId));
		return ResponseEntity.noContent().build();
	}

	private static UUID id(String text) {
		return Uuids.parse(text).orElseThrow(CustomFieldNotFound::new);
	}

}
