-- System work (finding a key by its hash, schedulers, webhook delivery, event streams) becomes a
-- role of its own, ${systemRole}, which the application's role (${appRole}) switches to for a
-- transaction (SET LOCAL ROLE). Before, one policy served both, with an OR on a setting:
--
--     workspace_id = <the transaction's workspace> OR <system work>
--
-- PostgreSQL cannot use an OR as an index condition, so it checked the policy on every index entry
-- it read: on the filtered inbox list, which reads thousands of entries of conversation_tags and
-- conversation_assignments, that cost about 30% of PostgreSQL's throughput. A policy applies only
-- to the roles it names, and PostgreSQL picks the policies when it plans, so each role now has a
-- policy without an OR: the workspace wall is a plain equality that becomes part of the index
-- condition, and the system role sees every row. A policy also applies to every role that inherits
-- the privileges of the role it names, so the application's role is a member of the system role
-- without inheriting them (NOINHERIT): it has them only while it is switched to it.
--
-- The migrations' own role keeps the setting (Flyway's connection sets woes.system = on), so a data
-- migration sees every row. When the application shares that role, its system work uses the same
-- setting, and its requests keep the OR as before; no role is set up then.

DO $$
BEGIN
    IF ${appRoleName} = CURRENT_USER THEN
        -- The application runs as the migrations' role: its system work keeps the setting
        -- (the policy "migrations" below), and no role is set up.
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${systemRoleName}) THEN
        BEGIN
            CREATE ROLE ${systemRole} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE EXCEPTION 'The role % does not exist, and the role running the migrations may not create it.', ${systemRoleName}
                USING HINT = format('As a superuser, run once: CREATE ROLE %I NOLOGIN; GRANT %I TO %I;',
                                    ${systemRoleName}, ${systemRoleName}, ${appRoleName});
        END;
    END IF;
    -- A policy applies to the roles it names and to every role that inherits their privileges:
    -- the application's role may switch to the system role, but must not inherit it.
    IF (SELECT rolinherit FROM pg_roles WHERE rolname = ${appRoleName}) THEN
        BEGIN
            ALTER ROLE ${appRole} NOINHERIT;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE EXCEPTION 'The role % must not inherit the privileges of the roles it belongs to (NOINHERIT), and the role running the migrations may not change it.',
                ${appRoleName}
                USING HINT = format('As a superuser, run once: ALTER ROLE %I NOINHERIT;', ${appRoleName});
        END;
    END IF;
    IF NOT pg_has_role(${appRoleName}, ${systemRoleName}, 'MEMBER') THEN
        BEGIN
            GRANT ${systemRole} TO ${appRole};
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE EXCEPTION 'The role % must be a member of %, and the role running the migrations may not grant it.',
                ${appRoleName}, ${systemRoleName}
                USING HINT = format('As a superuser, run once: GRANT %I TO %I;', ${systemRoleName}, ${appRoleName});
        END;
    END IF;
    GRANT USAGE ON SCHEMA public TO ${systemRole};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${systemRole};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${systemRole};
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${systemRole};
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${systemRole};
END $$;

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
        EXECUTE format('DROP POLICY IF EXISTS system_work ON %s', tenant_table);
        EXECUTE format('DROP POLICY IF EXISTS migrations ON %s', tenant_table);
        -- The setting in a scalar subquery: read once per statement (an InitPlan), not once per row.
        EXECUTE format('CREATE POLICY workspace_wall ON %s'
            ' USING (workspace_id = (SELECT NULLIF(current_setting(''woes.workspace_id'', true), '''')::uuid))',
            tenant_table);
        IF ${appRoleName} <> CURRENT_USER THEN
            EXECUTE format('CREATE POLICY system_work ON %s TO ${systemRole} USING (true)', tenant_table);
        END IF;
        EXECUTE format('CREATE POLICY migrations ON %s TO CURRENT_USER'
            ' USING ((SELECT current_setting(''woes.system'', true) = ''on''))', tenant_table);
    END LOOP;
END $$;
