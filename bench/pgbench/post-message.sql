-- The SQL of one POST /api/v1/conversations/{id}/messages (MessageThread.post:
-- JdbcConversations.recordMessage, JdbcMessages.add, then EventLog.record, in one
-- transaction), run by pgbench as the ceiling for that endpoint. The conversation is drawn
-- at random from the same set the HTTP run picks from (bench.targets, numbered
-- 1..:targets); the lookup is a sub-select inside the statement, so it costs no extra round
-- trip. The event's data has the size and shape the server writes.
\set n random(1, :targets)
BEGIN;
WITH previous AS (
    SELECT status FROM conversations
    WHERE (workspace_id, conversation_id) = (SELECT workspace_id, conversation_id FROM bench.targets WHERE n = :n)
    FOR UPDATE
)
UPDATE conversations c
SET last_message_at = GREATEST(c.last_message_at, now()), updated_at = GREATEST(c.updated_at, now()),
    preview = 'Following up: the export to CSV still stops at about ten thousand rows. Could you check it again? We need the whole quarter in one file by Friday.',
    message_count = c.message_count + 1,
    status = CASE WHEN true AND c.status = 'solved' THEN 'open' ELSE c.status END,
    closed_at = CASE WHEN true AND c.status = 'solved' THEN NULL ELSE c.closed_at END
FROM previous
WHERE (c.workspace_id, c.conversation_id) = (SELECT workspace_id, conversation_id FROM bench.targets WHERE n = :n)
RETURNING previous.status AS previous_status, c.workspace_id, c.conversation_id, c.message_count, c.customer_id \gset
INSERT INTO messages (workspace_id, conversation_id, position, message_id, role, body, delivery_status, created_at,
                      author_type, author_id)
VALUES (:workspace_id, :conversation_id, :message_count, gen_random_uuid(), 'user',
        'Following up: the export to CSV still stops at about ten thousand rows. Could you check it again? We need the whole quarter in one file by Friday.',
        'delivered', now(), 'customer', :customer_id);
INSERT INTO events (workspace_id, event_id, type, occurred_at, actor_type, actor_id, subject_id, data)
VALUES (:workspace_id, gen_random_uuid(), 'conversation.message.created', now(), 'api_key',
        '0190f3a1-0000-7000-8000-000000000001', :conversation_id,
        CAST('{"id":"0190f3a1-0000-7000-8000-000000000002","channel":"api","status":"open","priority":"medium","subject":"Export fails #100042","preview":"Following up: the export to CSV still stops at about ten thousand rows. Could you check it again? We need the whole quarter in one file by Friday.","customerId":"cus_42","customerName":"Customer 42","customerEmail":"customer42@example.com","customerCompany":"Acme","createdAt":"2026-06-28T18:00:00.000Z","updatedAt":"2026-06-28T18:00:00.000Z","lastMessageAt":"2026-06-28T18:00:00.000Z","closedAt": null,"message":{"id":"0190f3a1-0000-7000-8000-000000000003","role":"user","body":"Following up: the export to CSV still stops at about ten thousand rows. Could you check it again? We need the whole quarter in one file by Friday.","deliveryStatus":"delivered","createdAt":"2026-06-28T18:00:00.000Z"}}' AS jsonb));
COMMIT;
