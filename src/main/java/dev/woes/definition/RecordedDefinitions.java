package dev.woes.definition;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

/**
 * Writes one kind of definitions and records every change as a {@code definition.*}
 * event, in the caller's transaction.
 *
 * @param <T> the kind of definition
 */
final class RecordedDefinitions<T> {

	private final Definitions<T> definitions;

	private final Function<T, UUID> ids;

	private final Function<T, Map<String, Object>> payloads;

	private final Supplier<? extends RuntimeException> notFound;

	private final EventLog events;

	private final Clock clock;

	RecordedDefinitions(Definitions<T> definitions, Function<T, UUID> ids, Function<T, Map<String, Object>> payloads,
			Supplier<? extends RuntimeException> notFound, EventLog events, Clock clock) {
		this.definitions = definitions;
		this.ids = ids;
		this.payloads = payloads;
		this.notFound = notFound;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @throws RuntimeException the kind's "not found" when the workspace has no such
	 * definition
	 */
	T get(WorkspaceId workspace, UUID id) {
		return this.definitions.find(workspace, id).orElseThrow(this.notFound);
	}

	T create(WorkspaceId workspace, Actor actor, T definition) {
		this.definitions.add(workspace, definition, now());
		recordCreated(workspace, actor, definition);
		return definition;
	}

	/**
	 * Records the creation of a definition the caller has added itself.
	 */
	void recordCreated(WorkspaceId workspace, Actor actor, T definition) {
		this.events.record(workspace, EventType.DEFINITION_CREATED, actor, this.ids.apply(definition),
				this.payloads.apply(definition));
	}

	T update(WorkspaceId workspace, Actor actor, UUID id, UnaryOperator<T> change) {
		return update(workspace, actor, id, change, (current, changed) -> {
		});
	}

	/**
	 * Applies the change to the definition; {@code check} sees the definition before and
	 * after and may refuse. Nothing is written or recorded when nothing changes.
	 */
	T update(WorkspaceId workspace, Actor actor, UUID id, UnaryOperator<T> change, BiConsumer<T, T> check) {
		T current = get(workspace, id);
		T changed = change.apply(current);
		check.accept(current, changed);
		if (!changed.equals(current)) {
			this.definitions.update(workspace, changed);
			this.events.record(workspace, EventType.DEFINITION_UPDATED, actor, id, this.payloads.apply(changed));
		}
		return changed;
	}

	void delete(WorkspaceId workspace, Actor actor, UUID id) {
		delete(workspace, actor, id, (current) -> {
		});
	}

	/**
	 * Deletes the definition unless {@code check} refuses.
	 */
	void delete(WorkspaceId workspace, Actor actor, UUID id, Consumer<T> check) {
		T current = get(workspace, id);
		check.accept(current);
		this.definitions.remove(workspace, id);
		this.events.record(workspace, EventType.DEFINITION_DELETED, actor, id, this.payloads.apply(current));
	}

	Instant now() {
		return Timestamps.now(this.clock);
	}

}
