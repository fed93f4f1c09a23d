package dev.woes.issue.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import dev.woes.issue.IssueChanges;
import dev.woes.issue.IssueStatusCategory;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.TextLength;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

/**
 * A PATCH carries at least one field and no {@code null}s; {@code tags} and
 * {@code customer} replace the stored ones. A class rather than a record, so that a field
 * sent as {@code null} can be told apart from one left out.
 */
@Schema(name = "UpdateIssueRequest", minProperties = 1)
final class UpdateIssueRequest {

	@JsonProperty
	@Schema(minLength = 1, maxLength = 180)
	@TextLength(min = 1, max = 180)
	private String subject;

	@JsonProperty
	@Schema(maxLength = 8000)
	@TextLength(max = 8000)
	private String description;

	@JsonProperty
	@Schema(minLength = 1, maxLength = 32)
	@TextLength(min = 1, max = 32)
	private String priority;

	@JsonProperty
	@Schema(allowableValues = { "new", "on_you", "on_customer", "on_hold", "closed" })
	@Pattern(regexp = "new|on_you|on_customer|on_hold|closed",
			message = "must be one of new, on_you, on_customer, on_hold, closed")
	private String statusCategory;

	@JsonProperty
	@ArraySchema(maxItems = 25, schema = @Schema(minLength = 1, maxLength = 64))
	private List<String> tags;

	@JsonProperty
	@Valid
	private IssueCustomerJson customer;

	private final Map<String, Boolean> present = new LinkedHashMap<>();

	@JsonSetter("subject")
	void subject(String subject) {
		this.present.put("subject", subject == null);
		this.subject = subject;
	}

	@JsonSetter("description")
	void description(String description) {
		this.present.put("description", description == null);
		this.description = description;
	}

	@JsonSetter("priority")
	void priority(String priority) {
		this.present.put("priority", priority == null);
		this.priority = priority;
	}

	@JsonSetter("statusCategory")
	void statusCategory(String statusCategory) {
		this.present.put("statusCategory", statusCategory == null);
		this.statusCategory = statusCategory;
	}

	@JsonSetter("tags")
	void tags(List<String> tags) {
		this.present.put("tags", tags == null);
		this.tags = tags;
	}

	@JsonSetter("customer")
	void customer(IssueCustomerJson customer) {
		this.present.put("customer", customer == null);
		this.customer = customer;
	}

	IssueChanges toChanges() {
		if (this.present.isEmpty()) {
			throw new InvalidRequest("A PATCH body must carry at least one of subject, description, priority, "
					+ "statusCategory, tags, customer.");
		}
		this.present.forEach((field, isNull) -> {
			if (isNull) {
				throw new InvalidRequest(field + " must not be null.");
			}
		});
		return new IssueChanges(this.subject, this.description, this.priority,
				(this.statusCategory != null) ? IssueStatusCategory.fromWireName(this.statusCategory).orElseThrow()
						: null,
				RequestChecks.tags(this.tags), (this.customer != null) ? this.customer.toCustomer() : null);
	}

}
