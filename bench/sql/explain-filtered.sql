-- The plan of the filtered list exactly as JdbcConversations.list sends it for
-- ?tag=<name>&assigneeId=<operator> (taggedInbox; first page: 20 rows and one more to tell
-- whether there is a next page), run as the server's role woes_app under row-level security
-- in the workspace :'wsid', for the tag :'tag' and the operator :'operator'. The server
-- prepares it once per connection and PostgreSQL reuses one generic plan for every tag and
-- operator, so the generic plan is shown.
SELECT set_config('woes.workspace_id', '' || :'wsid', false) \gset
SET plan_cache_mode = force_generic_plan;
PREPARE tagged_inbox(uuid, text, uuid) AS
SELECT c.* FROM conversation_tags ct CROSS JOIN LATERAL (
    SELECT conversation_id, external_id, channel, status, priority, subject, preview, customer_id, customer_name,
           customer_email, customer_company, customer_identity_source, created_at, updated_at, last_message_at,
           closed_at, message_count
    FROM conversations WHERE workspace_id = $1 AND conversation_id = ct.conversation_id) c
WHERE ct.workspace_id = $1
  AND ct.tag_id = (SELECT tag_id FROM tag_definitions WHERE workspace_id = $1 AND lower(name) = lower($2))
  AND ct.operator_id = $3
ORDER BY ct.last_message_at DESC, ct.conversation_id DESC LIMIT 21;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE tagged_inbox(:'wsid', :'tag', :'operator');
