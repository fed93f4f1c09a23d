-- The plan of the filtered list exactly as JdbcConversations.list sends it for
-- ?tag=<name>&assigneeId=<operator> (first page: 20 rows and one more to tell whether there
-- is a next page), run as the server's role woes_app under row-level security in the
-- workspace :'wsid', for the tag :'tag' and the operator :'operator'. The server plans this
-- query per request (plan_cache_mode = force_custom_plan), so the custom plan is shown.
SELECT set_config('woes.workspace_id', '' || :'wsid', false) \gset
SET plan_cache_mode = force_custom_plan;
SELECT tag_id AS tag_id FROM tag_definitions
WHERE workspace_id = :'wsid' AND lower(name) = lower(:'tag') \gset
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT conversation_id, external_id, channel, status, priority, subject, preview, customer_id, customer_name,
       customer_email, customer_company, customer_identity_source, created_at, updated_at, last_message_at,
       closed_at, message_count
FROM conversations WHERE workspace_id = :'wsid'
  AND EXISTS (SELECT 1 FROM conversation_tags ct WHERE ct.workspace_id = :'wsid'
              AND ct.tag_id = :'tag_id' AND ct.conversation_id = conversations.conversation_id)
  AND EXISTS (SELECT 1 FROM conversation_assignments a WHERE a.workspace_id = :'wsid'
              AND a.conversation_id = conversations.conversation_id AND a.operator_id = :'operator')
ORDER BY last_message_at DESC, conversation_id DESC LIMIT 21;
