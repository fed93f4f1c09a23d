package dev.woes.conversation.web;

import dev.woes.conversation.Channel;
import dev.woes.conversation.NewConversation;
import dev.woes.shared.TextLength;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Schema(name = "CreateConversationRequest", requiredProperties = { "customer", "subject" })
record CreateConversationRequest(@Schema(allowableValues = {
		"api", "live-chat", "email", "discord" }, defaultValue = "api") @Pattern(regexp = "api|live-chat|email|discord",
				message = "must be one of api, live-chat, email, discord") String channel,
		@NotNull(message = "is required") @Valid CustomerJson customer,
		@Schema(minLength = 1, maxLength = 200) @TextLength(min = 1, max = 200) String externalId,
		@Schema(minLength = 1, maxLength = 32, defaultValue = "medium") @TextLength(min = 1, max = 32) String priority,
		@Schema(minLength = 1, maxLength = 160) @NotNull(message = "is required") @TextLength(min = 1,
				max = 160) String subject){

	NewConversation toNewConversation() {
		Channel parsedChannel = (this.channel != null) ? Channel.fromWireName(this.channel).orElseThrow() : Channel.API;
		return new NewConversation(this.externalId, parsedChannel, (this.priority != null) ? this.priority : "medium",
				this.subject, this.customer.toCustomer());
	}

}
