package dev.woes.conversation.web;

import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import dev.woes.conversation.ConversationChanges;
import dev.woes.conversation.ConversationStatus;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.TextLength;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;

/**
 * A PATCH carries at least one field. It is a class rather than a record so that a field
 * sent as {@code null} can be told apart from one left out: the first is refused, the
 * second keeps its value.
 */
@Schema(name = "UpdateConversationRequest", minProperties = 1)
final class UpdateConversationRequest {

	@JsonProperty
	@Schema(allowableValues = { "open", "waiting", "solved" })
	@Pattern(regexp = "open|waiting|solved", message = "must be one of open, waiting, solved")
	private String status;

	@JsonProperty
	@Schema(minLength = 1, maxLength = 32)
	@TextLength(min = 1, max = 32)
	private String priority;

	@JsonProperty
	@Schema(minLength = 1, maxLength = 160)
	@TextLength(min = 1, max = 160)
	private String subject;

	private final Set<String> present = new LinkedHashSet<>();

	@JsonSetter("status")
	void status(String status) {
		this.present.add("status");
		this.status = status;
	}

	@JsonSetter("priority")
	void priority(String priority) {
		this.present.add("priority");
		this.priority = priority;
	}

	@JsonSetter("subject")
	void subject(String subject) {
		this.present.add("subject");
		this.subject = subject;
	}

	ConversationChanges toChanges() {
		if (this.present.isEmpty()) {
			throw new InvalidRequest("A PATCH body must carry at least one of status, priority, subject.");
		}
		for (String field : this.present) {
			boolean isNull = switch (field) {
				case "status" -> this.status == null;
				case "priority" -> this.priority == null;
				default -> this.subject == null;
			};
			if (isNull) {
				throw new InvalidRequest(field + " must not be null.");
			}
		}
		ConversationStatus parsedStatus = (this.status != null)
				? ConversationStatus.fromWireName(this.status).orElseThrow() : null;
		return new ConversationChanges(parsedStatus, this.priority, this.subject);
	}

}
