package dev.woes.message;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.woes.shared.Timestamps;

/**
 * A message as events carry it: {@code id}, {@code role}, {@code body},
 * {@code deliveryStatus}, {@code createdAt}.
 */
final class MessagePayload {

	private MessagePayload() {
	}

	static Map<String, Object> of(Message message) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", message.id().toString());
		data.put("role", message.role().wireName());
		data.put("body", message.body());
		data.put("deliveryStatus", message.deliveryStatus());
		data.put("createdAt", Timestamps.format(message.createdAt()));
		return data;
	}

}
