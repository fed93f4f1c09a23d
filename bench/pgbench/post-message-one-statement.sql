-- POST message as one statement (the change proposed in docs/benchmarks.md, finding 5):
-- the conversation's update and the message's insert in one autocommit statement. Use it
-- as the ceiling (BENCH_PGBENCH_SCRIPT) for a server that posts messages this way; it
-- becomes bench/pgbench/post-message.sql's content once the server does.
\set n random(1, :targets)
WITH target AS (SELECT workspace_id, conversation_id FROM bench.targets WHERE n = :n),
slot AS (
  UPDATE conversations c
  SET last_message_at = GREATEST(last_message_at, now()), updated_at = GREATEST(updated_at, now()),
      preview = 'Following up: the export to CSV still stops at about ten thousand rows. Could you check it again? We need the whole quarter in one file by Friday.',
      message_count = message_count + 1
  FROM target t WHERE c.workspace_id = t.workspace_id AND c.conversation_id = t.conversation_id
  RETURNING c.workspace_id, c.conversation_id, c.message_count)
INSERT INTO messages (workspace_id, conversation_id, position, message_id, role, body, delivery_status, created_at)
SELECT workspace_id, conversation_id, message_count, gen_random_uuid(), 'user',
       'Following up: the export to CSV still stops at about ten thousand rows. Could you check it again? We need the whole quarter in one file by Friday.',
       'delivered', now()
FROM slot;
