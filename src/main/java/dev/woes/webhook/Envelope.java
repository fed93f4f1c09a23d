package dev.woes.webhook;

import java.time.Instant;
import java.util.UUID;

import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a delivery, built from its event when it is sent:
 * {@code {"id","type","createdAt","workspaceId","data"}}, with {@code data} exactly as
 * the event log holds it. An event never changes, so every attempt and every redelivery
 * of it sends the same bytes.
 */
final class Envelope {

	private Envelope() {
	}

	static String of(JsonMapper json, WorkspaceId workspace, UUID eventId, String type, Instant createdAt,
			String data) {
		return "{\"id\":" + json.writeValueAsString(eventId.toString()) + ",\"type\":" + json.writeValueAsString(type)
				+ ",\"createdAt\":" + json.writeValueAsString(Timestamps.format(createdAt)) + ",\"workspaceId\":"
				+ json.writeValueAsString(workspace.value().toString()) + ",\"data\":" + data + "}";
	}

}
