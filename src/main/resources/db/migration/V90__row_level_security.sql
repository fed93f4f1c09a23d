-- The second tenant wall. The application connects as a role (${appRole}) that owns no table and cannot
-- bypass row-level security; every table with a workspace_id then shows and accepts only the rows of the
-- workspace its connection is set to (woes.workspace_id, set for each request from the caller's key), or
-- every row for explicit system work (woes.system = on). With neither set, a table reads as empty.
-- This runs after every other migration and covers every table that has a workspace_id at that point;
-- RowLevelSecurityIT fails the build for a table added later without the same policy.
GRANT USAGE ON SCHEMA public TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${appRole};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${appRole};

DO $$
DECLARE
    tenant_table regclass;
BEGIN
    FOR tenant_table IN
        SELECT c.oid::regclass
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'workspace_id' AND NOT a.attisdropped
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    LOOP
        EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format('DROP POLICY IF EXISTS workspace_wall ON %s', tenant_table);
        -- Each setting in a scalar subquery: read once per statement (an InitPlan), not once per row.
        EXECUTE format('CREATE POLICY workspace_wall ON %s'
            ' USING (workspace_id = (SELECT NULLIF(current_setting(''woes.workspace_id'', true), '''')::uuid)'
            '        OR (SELECT current_setting(''woes.system'', true) = ''on''))', tenant_table);
    END LOOP;
END $$;
