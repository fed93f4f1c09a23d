package dev.woes.event;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.woes.database.AtCommit;
import dev.woes.shared.Timestamps;
import dev.woes.shared.Uuids;
import dev.woes.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes events. {@link #record} joins the caller's transaction and refuses to run
 * without one, so an event exists exactly when its change committed. The event's row goes
 * to the database with the transaction's {@code COMMIT} ({@link AtCommit}): it costs the
 * change no round trip. Once it committed, {@link CommitSignals} wakes the streams of
 * every node.
 */
@Component
public class EventLog {

	private final AtCommit atCommit;

	private final JsonMapper json;

	private final Clock clock;

	private final CommitSignals signals;

	EventLog(AtCommit atCommit, JsonMapper json, Clock clock, CommitSignals signals) {
		this.atCommit = atCommit;
		this.json = json;
		this.clock = clock;
		this.signals = signals;
	}

	/**
	 * Records one event in the current transaction, written at its commit.
	 * @param workspace whose event it is
	 * @param type what happened
	 * @param actor who did it
	 * @param subjectId the id of the record that changed (the conversation, issue, ...)
	 * @param data the event's {@code data}, serialized to JSON as it is now
	 * @return the new event's id, time-ordered
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID record(WorkspaceId workspace, EventType type, Actor actor, UUID subjectId, Object data) {
		UUID id = Uuids.v7();
		Instant now = Timestamps.now(this.clock);
		this.atCommit.sql("""
				INSERT INTO events (workspace_id, event_id, type, occurred_at, actor_type, actor_id, subject_id, data)
				VALUES (:workspace, :id, :type, :at, :actorType, :actorId, :subject, CAST(:data AS json))
				""")
			.param("workspace", workspace.value())
			.param("id", id)
			.param("type", type.wireName())
			.param("at", Timestamps.toSql(now))
			.param("actorType", actor.type())
			.param("actorId", actor.id())
			.param("subject", subjectId)
			.param("data", this.json.writeValueAsString(data))
			.queue();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				EventLog.this.signals.committed(workspace);
			}
		});
		return id;
	}

}
