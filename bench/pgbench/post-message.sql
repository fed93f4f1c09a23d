-- The SQL of one POST /api/v1/conversations/{id}/messages (MessageThread.post:
-- JdbcConversations.recordMessage, then JdbcMessages.add, in one transaction), run by
-- pgbench as the ceiling for that endpoint. The conversation is drawn at random from the
-- same set the HTTP run picks from (bench.targets, numbered 1..:targets); the lookup is a
-- sub-select inside the UPDATE, so it costs no extra round trip.
\set n random(1, :targets)
BEGIN;
UPDATE conversations
SET last_message_at = GREATEST(last_message_at, now()), updated_at = GREATEST(updated_at, now()),
    preview = 'Following up: the export to CSV still stops at about ten thousand rows. Could you check it again? We need the whole quarter in one file by Friday.',
    message_count = message_count + 1
WHERE (workspace_id, conversation_id) = (SELECT workspace_id, conversation_id FROM bench.targets WHERE n = :n)
RETURNING workspace_id, conversation_id, message_count \gset
INSERT INTO messages (workspace_id, conversation_id, position, message_id, role, body, delivery_status, created_at)
VALUES (:workspace_id, :conversation_id, :message_count, gen_random_uuid(), 'user',
        'Following up: the export to CSV still stops at about ten thousand rows. Could you check it again? We need the whole quarter in one file by Friday.',
        'delivered', now());
COMMIT;
