package dev.woes.triage.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.conversation.ConversationId;
import dev.woes.definition.TagNotFound;
import dev.woes.event.Actor;
import dev.woes.shared.Uuids;
import dev.woes.triage.ConversationCustomFields;
import dev.woes.triage.ConversationLabels;
import dev.woes.triage.ConversationTags;
import dev.woes.triage.web.TriageRequests.AddTagRequest;
import dev.woes.triage.web.TriageRequests.ReplaceTagsRequest;
import dev.woes.triage.web.TriageRequests.SetLabelRequest;
import dev.woes.workspace.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Conversation triage")
@RestController
@RequestMapping("/api/v1/conversations/{conversationId}")
class TriageController {

	private final ConversationLabels labels;

	private final ConversationTags tags;

	private final ConversationCustomFields fields;

	private final JsonMapper json;

	TriageController(ConversationLabels labels, ConversationTags tags, ConversationCustomFields fields,
			JsonMapper json) {
		this.labels = labels;
		this.tags = tags;
		this.fields = fields;
		this.json = json;
	}

	@Operation(operationId = "getConversationLabel", summary = "Retrieve a conversation's status label",
			description = "The lifecycle status, the label shown for it (the lifecycle's default unless one was "
					+ "set) and, when snoozed, when the conversation wakes.")
	@GetMapping("/status")
	@RequiresScope(Scope.CONVERSATIONS_READ)
	TriageJson.LabelResponse getLabel(WorkspaceId workspace, @PathVariable("conversationId") String conversationId) {
		return new TriageJson.LabelResponse(
				TriageJson.Label.of(this.labels.get(workspace, ConversationId.parse(conversationId))));
	}

	@Operation(operationId = "setConversationLabel", summary = "Set a conversation's status label or snooze it",
			description = "statusId moves the conversation to that status's lifecycle. snoozedUntil (with a waiting "
					+ "status, the default waiting one when statusId is left out) snoozes it: at that time it goes "
					+ "back to open by itself. A body without snoozedUntil cancels a pending snooze.")
	@PutMapping("/status")
	@RequiresScope(Scope.CONVERSATIONS_WRITE)
	TriageJson.LabelResponse setLabel(WorkspaceId workspace, Actor actor,
			@PathVariable("conversationId") String conversationId, @Valid @RequestBody SetLabelRequest body) {
		ConversationId id = ConversationId.parse(conversationId);
		return new TriageJson.LabelResponse(TriageJson.Label
			.of(this.labels.set(workspace, actor, id, body.parsedStatusId(), body.parsedSnoozedUntil())));
	}

	@Operation(operationId = "listConversationTags", summary = "List a conversation's tags")
	@GetMapping("/tags")
	@RequiresScope(Scope.CONVERSATIONS_READ)
	TriageJson.TagList listTags(WorkspaceId workspace, @PathVariable("conversationId") String conversationId) {
		return TriageJson.TagList.of(this.tags.list(workspace, ConversationId.parse(conversationId)));
	}

	@Operation(operationId = "addConversationTag", summary = "Tag a conversation",
			description = "A name the workspace does not know yet creates an issue tag of that name. Answers the "
					+ "conversation's tags.")
	@PostMapping("/tags")
	@RequiresScope(Scope.CONVERSATIONS_WRITE)
	TriageJson.TagList addTag(WorkspaceId workspace, Actor actor, @PathVariable("conversationId") String conversationId,
			@Valid @RequestBody AddTagRequest body) {
		return TriageJson.TagList
			.of(this.tags.add(workspace, actor, ConversationId.parse(conversationId), body.name()));
	}

	@Operation(operationId = "replaceConversationTags", summary = "Replace a conversation's tags",
			description = "names (at most 25) become the conversation's tags; an empty list removes them all.")
	@PutMapping("/tags")
	@RequiresScope(Scope.CONVERSATIONS_WRITE)
	TriageJson.TagList replaceTags(WorkspaceId workspace, Actor actor,
			@PathVariable("conversationId") String conversationId, @Valid @RequestBody ReplaceTagsRequest body) {
		ConversationId id = ConversationId.parse(conversationId);
		return TriageJson.TagList.of(this.tags.replace(workspace, actor, id, body.checkedNames()));
	}

	@Operation(operationId = "removeConversationTag", summary = "Untag a conversation",
			description = "Answers the conversation's remaining tags; removing a tag it does not carry changes nothing.")
	@DeleteMapping("/tags/{tagId}")
	@RequiresScope(Scope.CONVERSATIONS_WRITE)
	TriageJson.TagList removeTag(WorkspaceId workspace, Actor actor,
			@PathVariable("conversationId") String conversationId, @PathVariable("tagId") String tagId) {
		ConversationId id = ConversationId.parse(conversationId);
		UUID tag = Uuids.parse(tagId).orElseThrow(TagNotFound::new);
		return TriageJson.TagList.of(this.tags.remove(workspace, actor, id, tag));
	}

	@Operation(operationId = "getConversationCustomFields", summary = "Retrieve a conversation's custom field values",
			description = "Values of enabled fields, keyed by field id.")
	@GetMapping("/custom-fields")
	@RequiresScope(Scope.CONVERSATIONS_READ)
	TriageJson.FieldValuesResponse getFields(WorkspaceId workspace,
			@PathVariable("conversationId") String conversationId) {
		ConversationId id = ConversationId.parse(conversationId);
		return values(id, this.fields.values(workspace, id));
	}

	@Operation(operationId = "updateConversationCustomFields", summary = "Set a conversation's custom field values",
			description = "A JSON object of field id to value, checked against the field's type and options; null "
					+ "clears a value. Fields left out keep their values.")
	@PatchMapping("/custom-fields")
	@RequiresScope(Scope.CONVERSATIONS_WRITE)
	TriageJson.FieldValuesResponse updateFields(WorkspaceId workspace, Actor actor,
			@PathVariable("conversationId") String conversationId, @RequestBody Map<String, Object> body) {
		ConversationId id = ConversationId.parse(conversationId);
		Map<String, JsonNode> changes = new LinkedHashMap<>();
		body.forEach((field, value) -> changes.put(field, (value != null) ? this.json.valueToTree(value) : null));
		return values(id, this.fields.change(workspace, actor, id, changes));
	}

	private static TriageJson.FieldValuesResponse values(ConversationId id, Map<UUID, JsonNode> values) {
		Map<String, Object> byId = new LinkedHashMap<>();
		values.forEach((field, value) -> byId.put(field.toString(), value));
		return new TriageJson.FieldValuesResponse(
				new TriageJson.FieldValues("custom_field_values", id.toString(), byId));
	}

}
