package dev.woes.definition;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manages a workspace's tags. A tag's name is unique in the workspace regardless of case;
 * the database decides, so of two concurrent creates of one name exactly one succeeds.
 */
@Service
public class TagManagement {

	private final TagDefinitions tags;

	private final EventLog events;

	private final Clock clock;

	TagManagement(TagDefinitions tags, EventLog events, Clock clock) {
		this.tags = tags;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<TagDefinition> list(WorkspaceId workspace, TagScope scope) {
		return this.tags.list(workspace, scope);
	}

	@Transactional(readOnly = true)
	public TagDefinition get(WorkspaceId workspace, UUID id) {
		return this.tags.find(workspace, id).orElseThrow(TagNotFound::new);
	}

	@Transactional
	public TagDefinition create(WorkspaceId workspace, Actor actor, String name, TagScope scope, String color,
			String description) {
		requireRoom(workspace);
		TagDefinition tag = TagDefinition.create(name, (scope != null) ? scope : TagScope.ISSUE,
				(color != null) ? color : TagDefinition.DEFAULT_COLOR, (description != null) ? description : "");
		this.tags.add(workspace, tag, now());
		this.events.record(workspace, EventType.DEFINITION_CREATED, actor, tag.id(), DefinitionPayload.of(tag));
		return tag;
	}

	/**
	 * The {@code issue} tag of this name (regardless of case), created when the workspace
	 * has none. Runs in the caller's transaction.
	 * @throws InvalidRequest when the name belongs to an {@code account} tag
	 */
	@Transactional
	public TagDefinition findOrCreateForConversation(WorkspaceId workspace, Actor actor, String name) {
		TagDefinition candidate = TagDefinition.create(name, TagScope.ISSUE, TagDefinition.DEFAULT_COLOR, "");
		if (this.tags.findByName(workspace, name).isEmpty()) {
			requireRoom(workspace);
			if (this.tags.addIfAbsent(workspace, candidate, now())) {
				this.events.record(workspace, EventType.DEFINITION_CREATED, actor, candidate.id(),
						DefinitionPayload.of(candidate));
				return candidate;
			}
		}
		TagDefinition tag = this.tags.findByName(workspace, name).orElseThrow(TagNotFound::new);
		if (tag.scope() != TagScope.ISSUE) {
			throw new InvalidRequest("Tag " + tag.name() + " is an account tag; conversations take issue tags.");
		}
		return tag;
	}

	@Transactional
	public TagDefinition update(WorkspaceId workspace, Actor actor, UUID id, String name, TagScope scope, String color,
			String description) {
		TagDefinition current = this.tags.find(workspace, id).orElseThrow(TagNotFound::new);
		TagDefinition changed = current.with(name, scope, color, description);
		if (!changed.equals(current)) {
			this.tags.update(workspace, changed);
			this.events.record(workspace, EventType.DEFINITION_UPDATED, actor, id, DefinitionPayload.of(changed));
		}
		return changed;
	}

	/**
	 * Deletes a tag and takes it off every conversation.
	 */
	@Transactional
	public void delete(WorkspaceId workspace, Actor actor, UUID id) {
		TagDefinition current = this.tags.find(workspace, id).orElseThrow(TagNotFound::new);
		this.tags.remove(workspace, id);
		this.events.record(workspace, EventType.DEFINITION_DELETED, actor, id, DefinitionPayload.of(current));
	}

	private void requireRoom(WorkspaceId workspace) {
		if (this.tags.count(workspace) >= DefinitionLimit.MAX * 5) {
			throw new DefinitionLimit("tags");
		}
	}

	private Instant now() {
		return Timestamps.now(this.clock);
	}

}
