package dev.woes.webhook.web;

import java.util.List;

import dev.woes.shared.TextLength;
import dev.woes.webhook.NewWebhook;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

@Schema(name = "CreateWebhookRequest", requiredProperties = { "name", "url" })
record CreateWebhookRequest(
		@Schema(minLength = 1, maxLength = 160) @NotNull(message = "is required") @TextLength(min = 1,
				max = 160) String name,
		@Schema(maxLength = 2048,
				description = "https URL without credentials, resolving to public addresses only") @NotNull(
						message = "is required") @TextLength(min = 1, max = 2048) String url,
		@Schema(description = "Event types to deliver (at most 64); omitted or empty delivers every type") List<String> events,
		@Schema(defaultValue = "true") Boolean enabled) {

	NewWebhook toNewWebhook() {
		return new NewWebhook(this.name, this.url, (this.events != null) ? this.events : List.of(),
				(this.enabled != null) ? this.enabled : true);
	}

}
