-- The SQL of one POST /api/v1/conversations/{id}/messages (MessageThread.post:
-- JdbcConversations.recordMessage, JdbcMessages.add, then EventLog.record, in one
-- transaction), run by pgbench as the ceiling for that endpoint, as the server's role
-- (woes_app, under row-level security).
--
-- Like the server (RowSecurityDataSource), each transaction first sets its workspace for the
-- row-level security policies, transaction-locally. The server's driver sends BEGIN, the
-- settings and the first statement in one message; pgbench cannot (a \gset statement cannot
-- be pipelined), so it pipelines BEGIN with the settings and sends the first statement next:
-- one round trip more than the server, the one its BEGIN always cost. The two inserts go
-- with the COMMIT, in one message, as the server sends them (AtCommit). The server knows the
-- workspace from the key, so pgbench picks the workspace (:ws) first and then one of its
-- conversations (:i), uniformly: the same draw as the HTTP run's over bench.targets. Lookups in
-- bench.targets are sub-selects inside the statements, so they cost no extra round trip. The
-- event's data has the size and shape the server writes.
\set ws random(1, :workspaces)
\set i random(1, :per_workspace)
\startpipeline
BEGIN;
SELECT set_config('woes.workspace_id', (SELECT workspace_id::text FROM bench.targets WHERE ws = :ws AND i = 1), true),
       set_config('role', 'none', true);
\endpipeline
WITH previous AS (
    SELECT status FROM conversations
    WHERE (workspace_id, conversation_id) = (SELECT workspace_id, conversation_id FROM bench.targets WHERE ws = :ws AND i = :i)
    FOR UPDATE
)
UPDATE conversations c
SET last_message_at = GREATEST(c.last_message_at, now()), updated_at = GREATEST(c.updated_at, now()),
    preview = 'Following up: the export to CSV still stops at about ten thousand rows. Could you check it again? We need the whole quarter in one file by Friday.',
    message_count = c.message_count + 1,
    status = CASE WHEN true AND c.status = 'solved' THEN 'open' ELSE c.status END,
    closed_at = CASE WHEN true AND c.status = 'solved' THEN NULL ELSE c.closed_at END
FROM previous
WHERE (c.workspace_id, c.conversation_id) = (SELECT workspace_id, conversation_id FROM bench.targets WHERE ws = :ws AND i = :i)
RETURNING previous.status AS previous_status, c.workspace_id, c.conversation_id, c.message_count, c.customer_id \gset
\startpipeline
INSERT INTO messages (workspace_id, conversation_id, position, message_id, role, body, delivery_status, created_at,
                      author_type, author_id)
VALUES (:workspace_id, :conversation_id, :message_count, gen_random_uuid(), 'user',
        'Following up: the export to CSV still stops at about ten thousand rows. Could you check it again? We need the whole quarter in one file by Friday.',
        'delivered', now(), 'customer', :customer_id);
INSERT INTO events (workspace_id, event_id, type, occurred_at, actor_type, actor_id, subject_id, data)
VALUES (:workspace_id, gen_random_uuid(), 'conversation.message.created', now(), 'api_key',
        '0190f3a1-0000-7000-8000-000000000001', :conversation_id,
        CAST('{"id":"0190f3a1-0000-7000-8000-000000000002","channel":"api","status":"open","priority":"medium","subject":"Export fails #100042","preview":"Following up: the export to CSV still stops at about ten thousand rows. Could you check it again? We need the whole quarter in one file by Friday.","customerId":"cus_42","customerName":"Customer 42","customerEmail":"customer42@example.com","customerCompany":"Acme","createdAt":"2026-06-28T18:00:00.000Z","updatedAt":"2026-06-28T18:00:00.000Z","lastMessageAt":"2026-06-28T18:00:00.000Z","closedAt": null,"message":{"id":"0190f3a1-0000-7000-8000-000000000003","role":"user","body":"Following up: the export to CSV still stops at about ten thousand rows. Could you check it again? We need the whole quarter in one file by Friday.","deliveryStatus":"delivered","createdAt":"2026-06-28T18:00:00.000Z"}}' AS json));
COMMIT;
\endpipeline
