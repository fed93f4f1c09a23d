package dev.woes.triage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.conversation.ConversationManagement;
import dev.woes.definition.TagDefinition;
import dev.woes.definition.TagManagement;
import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A conversation's tags. Tagging with a name the workspace does not know yet creates an
 * {@code issue} tag of that name; names match regardless of case. A conversation carries
 * at most {@value #MAX_TAGS} tags.
 */
@Service
public class ConversationTags {

	public static final int MAX_TAGS = 25;

	private final ConversationManagement conversations;

	private final TagManagement tags;

	private final TagLinks links;

	private final EventLog events;

	private final Clock clock;

	ConversationTags(ConversationManagement conversations, TagManagement tags, TagLinks links, EventLog events,
			Clock clock) {
		this.conversations = conversations;
		this.tags = tags;
		this.links = links;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<TagDefinition> list(WorkspaceId workspace, ConversationId id) {
		this.conversations.requireExists(workspace, id);
		return this.links.list(workspace, id);
	}

	@Transactional
	public List<TagDefinition> add(WorkspaceId workspace, Actor actor, ConversationId id, String name) {
		this.conversations.lock(workspace, id);
		List<TagDefinition> before = this.links.list(workspace, id);
		TagDefinition tag = this.tags.findOrCreateForConversation(workspace, actor, name);
		if (before.stream().noneMatch((current) -> current.id().equals(tag.id()))) {
			if (before.size() >= MAX_TAGS) {
				throw new InvalidRequest("A conversation carries at most " + MAX_TAGS + " tags.");
			}
			this.links.add(workspace, id, tag.id(), now());
		}
		return changed(workspace, actor, id, before);
	}

	@Transactional
	public List<TagDefinition> remove(WorkspaceId workspace, Actor actor, ConversationId id, UUID tagId) {
		this.conversations.lock(workspace, id);
		this.tags.get(workspace, tagId); // a tag the workspace does not have is not found
		List<TagDefinition> before = this.links.list(workspace, id);
		this.links.remove(workspace, id, tagId);
		return changed(workspace, actor, id, before);
	}

	/**
	 * Replaces the conversation's tags with the named ones (an empty list removes all).
	 */
	@Transactional
	public List<TagDefinition> replace(WorkspaceId workspace, Actor actor, ConversationId id, List<String> names) {
		this.conversations.lock(workspace, id);
		List<TagDefinition> before = this.links.list(workspace, id);
		Map<UUID, TagDefinition> wanted = new LinkedHashMap<>();
		for (String name : names) {
			TagDefinition tag = this.tags.findOrCreateForConversation(workspace, actor, name);
			wanted.put(tag.id(), tag);
		}
		if (wanted.size() > MAX_TAGS) {
			throw new InvalidRequest("names must list at most " + MAX_TAGS + " tags.");
		}
		Instant now = now();
		for (TagDefinition current : before) {
			if (!wanted.containsKey(current.id())) {
				this.links.remove(workspace, id, current.id());
			}
		}
		for (UUID tagId : wanted.keySet()) {
			if (before.stream().noneMatch((current) -> current.id().equals(tagId))) {
				this.links.add(workspace, id, tagId, now);
			}
		}
		return changed(workspace, actor, id, before);
	}

	private List<TagDefinition> changed(WorkspaceId workspace, Actor actor, ConversationId id,
			List<TagDefinition> before) {
		List<TagDefinition> after = this.links.list(workspace, id);
		if (!after.equals(before)) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("conversationId", id.toString());
			data.put("tags", names(after));
			data.put("previousTags", names(before));
			this.events.record(workspace, EventType.CONVERSATION_TAGS_UPDATED, actor, id.value(), data);
		}
		return after;
	}

	private static List<String> names(List<TagDefinition> tags) {
		return new ArrayList<>(tags.stream().map(TagDefinition::name).toList());
	}

	private Instant now() {
		return Timestamps.now(this.clock);
	}

}
