-- The plans of the list query exactly as JdbcConversations.list sends it (first page, and a
-- page after a cursor), for the workspace :'ws' and the cursor :'cursor'. The server's
-- driver prepares statements it runs often, and PostgreSQL may then use a generic plan, so
-- both the custom and the generic plans are shown.
PREPARE first_page(uuid) AS
SELECT conversation_id, external_id, channel, status, priority, subject, preview, customer_id, customer_name,
       customer_email, customer_company, customer_identity_source, created_at, updated_at, last_message_at,
       closed_at, message_count
FROM conversations WHERE workspace_id = $1 ORDER BY last_message_at DESC, conversation_id DESC LIMIT 21;

PREPARE deep_page(uuid, uuid) AS
SELECT conversation_id, external_id, channel, status, priority, subject, preview, customer_id, customer_name,
       customer_email, customer_company, customer_identity_source, created_at, updated_at, last_message_at,
       closed_at, message_count
FROM conversations WHERE workspace_id = $1 AND (last_message_at, conversation_id) < (
  SELECT last_message_at, conversation_id FROM conversations
  WHERE workspace_id = $1 AND conversation_id = $2) ORDER BY last_message_at DESC, conversation_id DESC LIMIT 21;

\echo '-- first page, custom plan'
SET plan_cache_mode = force_custom_plan;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE first_page(bench.workspace_id(:'ws'));
\echo '-- first page, generic plan'
SET plan_cache_mode = force_generic_plan;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE first_page(bench.workspace_id(:'ws'));
\echo '-- page after a cursor, custom plan'
SET plan_cache_mode = force_custom_plan;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE deep_page(bench.workspace_id(:'ws'), :'cursor');
\echo '-- page after a cursor, generic plan'
SET plan_cache_mode = force_generic_plan;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE deep_page(bench.workspace_id(:'ws'), :'cursor');
