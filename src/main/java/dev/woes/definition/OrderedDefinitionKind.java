package dev.woes.definition;

import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import dev.woes.event.Actor;
import dev.woes.workspace.WorkspaceId;

/**
 * What statuses and priorities share: a workspace gets its defaults the first time the
 * kind is needed, every change of the kind in a workspace waits for the one before, a
 * workspace holds at most {@value DefinitionLimit#MAX} of them, and a new one without a
 * rank goes last. Every method runs in the caller's transaction.
 *
 * @param <T> the kind of definition
 */
final class OrderedDefinitionKind<T> {

	private final String kind;

	private final OrderedDefinitions<T> definitions;

	private final RecordedDefinitions<T> recorded;

	private final DefinitionSeeds seeds;

	private final Supplier<List<T>> defaults;

	/**
	 * @param kind the kind's name, as {@link DefinitionSeeds} and {@link DefinitionLimit}
	 * know it
	 * @param defaults makes the definitions a workspace starts with
	 */
	OrderedDefinitionKind(String kind, OrderedDefinitions<T> definitions, RecordedDefinitions<T> recorded,
			DefinitionSeeds seeds, Supplier<List<T>> defaults) {
		this.kind = kind;
		this.definitions = definitions;
		this.recorded = recorded;
		this.seeds = seeds;
		this.defaults = defaults;
	}

	List<T> list(WorkspaceId workspace) {
		seed(workspace);
		return this.definitions.list(workspace);
	}

	T get(WorkspaceId workspace, UUID id) {
		seed(workspace);
		return this.recorded.get(workspace, id);
	}

	/**
	 * Creates the definition that {@code build} makes for its rank: the one asked for, or
	 * the next one free when {@code rank} is null.
	 */
	T create(WorkspaceId workspace, Actor actor, Integer rank, IntFunction<T> build) {
		seedAndLock(workspace);
		if (this.definitions.list(workspace).size() >= DefinitionLimit.MAX) {
			throw new DefinitionLimit(this.kind);
		}
		return this.recorded.create(workspace, actor,
				build.apply((rank != null) ? rank : this.definitions.nextRank(workspace)));
	}

	T update(WorkspaceId workspace, Actor actor, UUID id, UnaryOperator<T> change) {
		seedAndLock(workspace);
		return this.recorded.update(workspace, actor, id, change);
	}

	/**
	 * Changes the definition unless {@code check}, seeing it before and after, refuses.
	 */
	T update(WorkspaceId workspace, Actor actor, UUID id, UnaryOperator<T> change, BiConsumer<T, T> check) {
		seedAndLock(workspace);
		return this.recorded.update(workspace, actor, id, change, check);
	}

	void delete(WorkspaceId workspace, Actor actor, UUID id) {
		seedAndLock(workspace);
		this.recorded.delete(workspace, actor, id);
	}

	/**
	 * Deletes the definition unless {@code check} refuses.
	 */
	void delete(WorkspaceId workspace, Actor actor, UUID id, Consumer<T> check) {
		seedAndLock(workspace);
		this.recorded.delete(workspace, actor, id, check);
	}

	private void seedAndLock(WorkspaceId workspace) {
		seed(workspace);
		this.seeds.lock(workspace, this.kind);
	}

	private void seed(WorkspaceId workspace) {
		if (this.seeds.claimed(workspace, this.kind) || !this.seeds.claim(workspace, this.kind, this.recorded.now())) {
			return;
		}
		for (T definition : this.defaults.get()) {
			this.recorded.create(workspace, Actor.SYSTEM, definition);
		}
	}

}
