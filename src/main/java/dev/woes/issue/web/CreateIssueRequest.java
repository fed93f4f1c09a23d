package dev.woes.issue.web;

import java.util.List;

import dev.woes.conversation.ConversationId;
import dev.woes.issue.IssueStatusCategory;
import dev.woes.issue.NewIssue;
import dev.woes.shared.TextLength;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Schema(name = "CreateIssueRequest", requiredProperties = "subject")
record CreateIssueRequest(
		@Schema(minLength = 1, maxLength = 180) @NotNull(message = "is required") @TextLength(min = 1,
				max = 180) String subject,
		@Schema(maxLength = 8000) @TextLength(max = 8000) String description,
		@Schema(minLength = 1, maxLength = 32, defaultValue = "medium") @TextLength(min = 1, max = 32) String priority,
		@Schema(allowableValues = {
				"new", "on_you", "on_customer", "on_hold", "closed" },
				defaultValue = "new") @Pattern(regexp = "new|on_you|on_customer|on_hold|closed",
						message = "must be one of new, on_you, on_customer, on_hold, closed") String statusCategory,
		@ArraySchema(maxItems = 25, schema = @Schema(minLength = 1, maxLength = 64)) List<String> tags,
		@Valid IssueCustomerJson customer,
		@Schema(format = "uuid",
				description = "A conversation of this workspace; the issue is linked to it and "
						+ "receives copies of its private notes.") @Pattern(regexp = RequestChecks.UUID_PATTERN,
								message = "must be a UUID") String sourceConversationId,
		@Schema(minLength = 1, maxLength = 80,
				description = "Default: the source conversation's channel, else api.") @TextLength(min = 1,
						max = 80) String sourceChannel){

	NewIssue toNewIssue() {
		return new NewIssue(this.subject, this.description, this.priority,
				(this.statusCategory != null) ? IssueStatusCategory.fromWireName(this.statusCategory).orElseThrow()
						: null,
				RequestChecks.tags(this.tags), (this.customer != null) ? this.customer.toCustomer() : null,
				(this.sourceConversationId != null)
						? new ConversationId(java.util.UUID.fromString(this.sourceConversationId)) : null,
				this.sourceChannel);
	}

}
