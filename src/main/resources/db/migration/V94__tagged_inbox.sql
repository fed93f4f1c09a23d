-- One operator's conversations with one tag, newest first (the list's ?tag=&assigneeId=), read
-- from one index in inbox order: each tag row carries a copy of its conversation's operator
-- (conversation_assignments.operator_id, null while no operator is assigned) and last activity
-- (conversations.last_message_at). The triggers below keep the copies equal to their sources in
-- the statement that changes a source, whoever writes it. Every writer of the three tables locks
-- the conversation's row first (a message's update, an assignment, a tag), so two writers of one
-- conversation never interleave, and a copy never goes stale.

ALTER TABLE conversation_tags
    ADD COLUMN operator_id uuid,
    ADD COLUMN last_message_at timestamptz(3);

-- The migration's role sees the rows of every workspace only as system work.
SELECT set_config('woes.system', 'on', true);

UPDATE conversation_tags ct
SET last_message_at = c.last_message_at,
    operator_id = (SELECT a.operator_id FROM conversation_assignments a
                   WHERE a.workspace_id = ct.workspace_id AND a.conversation_id = ct.conversation_id)
FROM conversations c
WHERE c.workspace_id = ct.workspace_id AND c.conversation_id = ct.conversation_id;

ALTER TABLE conversation_tags ALTER COLUMN last_message_at SET NOT NULL;

-- Scanned backward, like the conversations' own inbox indexes. It also serves what the tag index
-- served: a tag's conversations (its first two columns), and the cascade when a tag is deleted.
CREATE INDEX conversation_tags_inbox_idx
    ON conversation_tags (workspace_id, tag_id, operator_id, last_message_at, conversation_id);
DROP INDEX conversation_tags_tag_idx;

-- A tag added to a conversation takes its current operator and last activity, whatever values
-- the insert gave.
CREATE FUNCTION conversation_tags_take_inbox_position() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    SELECT c.last_message_at, a.operator_id INTO NEW.last_message_at, NEW.operator_id
    FROM conversations c
    LEFT JOIN conversation_assignments a
        ON a.workspace_id = c.workspace_id AND a.conversation_id = c.conversation_id
    WHERE c.workspace_id = NEW.workspace_id AND c.conversation_id = NEW.conversation_id;
    RETURN NEW;
END
$$;

CREATE TRIGGER inbox_position BEFORE INSERT ON conversation_tags
    FOR EACH ROW EXECUTE FUNCTION conversation_tags_take_inbox_position();

-- An assignment given, changed or removed: the conversation's tags follow its operator.
CREATE FUNCTION conversation_tags_follow_operator() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE conversation_tags SET operator_id = NULL
        WHERE workspace_id = OLD.workspace_id AND conversation_id = OLD.conversation_id
          AND operator_id IS NOT NULL;
    ELSE
        UPDATE conversation_tags SET operator_id = NEW.operator_id
        WHERE workspace_id = NEW.workspace_id AND conversation_id = NEW.conversation_id
          AND operator_id IS DISTINCT FROM NEW.operator_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER tags_follow_operator AFTER INSERT OR DELETE OR UPDATE OF operator_id ON conversation_assignments
    FOR EACH ROW EXECUTE FUNCTION conversation_tags_follow_operator();

-- A message moved the conversation up the inbox: so do its tags.
CREATE FUNCTION conversation_tags_follow_last_message() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE conversation_tags SET last_message_at = NEW.last_message_at
    WHERE workspace_id = NEW.workspace_id AND conversation_id = NEW.conversation_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER tags_follow_last_message AFTER UPDATE OF last_message_at ON conversations
    FOR EACH ROW WHEN (OLD.last_message_at IS DISTINCT FROM NEW.last_message_at)
    EXECUTE FUNCTION conversation_tags_follow_last_message();
