package dev.woes.message.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The contract's message list has no {@code hasMore}; more pages are announced by the
 * {@code Link} header alone.
 */
@Schema(name = "MessageListResponse", requiredProperties = { "object", "messages" })
record MessageListResponse(@Schema(allowableValues = "list") String object, List<MessageJson> messages) {

}
