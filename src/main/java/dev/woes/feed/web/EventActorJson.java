package dev.woes.feed.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Who made the change.
 */
@Schema(name = "EventActor", requiredProperties = { "type", "id" })
record EventActorJson(@Schema(allowableValues = {
		"api_key", "operator", "automation", "customer", "system" }) String type,
		@Schema(types = { "string", "null" },
				description = "The key's, operator's or customer's id; null for the server") String id){

}
