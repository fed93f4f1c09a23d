package dev.woes.definition;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.shared.InvalidRequest;
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

	private final RecordedDefinitions<TagDefinition> recorded;

	TagManagement(TagDefinitions tags, EventLog events, Clock clock) {
		this.tags = tags;
		this.recorded = new RecordedDefinitions<>(tags, TagDefinition::id, DefinitionPayload::of, TagNotFound::new,
				events, clock);
	}

	@Transactional(readOnly = true)
	public List<TagDefinition> list(WorkspaceId workspace, TagScope scope) {
		return this.tags.list(workspace, scope);
	}

	@Transactional(readOnly = true)
	public TagDefinition get(WorkspaceId workspace, UUID id) {
		return this.recorded.get(workspace, id);
	}

	@Transactional
	public TagDefinition create(WorkspaceId workspace, Actor actor, String name, TagScope scope, String color,
			String description) {
		requireRoom(workspace);
		return this.recorded.create(workspace, actor,
				TagDefinition.create(name, (scope != null) ? scope : TagScope.ISSUE,
						(color != null) ? color : TagDefinition.DEFAULT_COLOR,
						(description != null) ? description : ""));
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
			if (this.tags.addIfAbsent(workspace, candidate, this.recorded.now())) {
				this.recorded.recordCreated(workspace, actor, candidate);
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
		return this.recorded.update(workspace, actor, id, (current) -> current.with(name, scope, color, description));
	}

	/**
	 * Deletes a tag and takes it off every conversation.
	 */
	@Transactional
	public void delete(WorkspaceId workspace, Actor actor, UUID id) {
		this.recorded.delete(workspace, actor, id);
	}

	private void requireRoom(WorkspaceId workspace) {
		if (this.tags.count(workspace) >= DefinitionLimit.MAX * 5) {
			throw new DefinitionLimit("tags");
		}
	}

}
