-- Helpers that seed the benchmark database. They live in the schema bench, beside the
-- application's tables, in a throwaway database that bench/run.sh creates and deletes.
--
-- bench.seed_workspace(slug, name, conversations, with_messages, secret) adds a workspace
-- (unless it exists), an API key for it (when secret is not null) and its conversations.
-- With with_messages each conversation gets 1-10 messages, and message_count,
-- last_message_at, updated_at and preview agree with its last message, exactly as the
-- server keeps them. Without, every conversation is as just opened: no messages, preview =
-- subject, last_message_at = created_at.

CREATE SCHEMA IF NOT EXISTS bench;
-- pgbench connects as the server's pool does: as woes_app, under row-level security, where the
-- script runs the pool as woes_app (bench/run.sh); as woes elsewhere.
GRANT USAGE ON SCHEMA bench TO woes;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'woes_app') THEN
        GRANT USAGE ON SCHEMA bench TO woes_app;
    END IF;
END
$$;

-- The API keys the load generators present, in clear (the server stores only hashes).
CREATE TABLE IF NOT EXISTS bench.keys (
    workspace_id uuid PRIMARY KEY,
    slug         text NOT NULL,
    secret       text NOT NULL
);

-- WorkspaceId.forSlug: UUID.nameUUIDFromBytes(("woes-workspace:" + slug).getBytes(UTF_8)),
-- a version 3 UUID: the MD5 of the name with the version and variant bits set.
CREATE OR REPLACE FUNCTION bench.workspace_id(slug text) RETURNS uuid
LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(set_byte(set_byte(d, 6, (get_byte(d, 6) & 15) | 48), 8, (get_byte(d, 8) & 63) | 128), 'hex')::uuid
    FROM (SELECT decode(md5('woes-workspace:' || slug), 'hex') AS d) AS digest
$$;

-- A version 7 UUID for a given time, as the server makes for new records (Uuids.v7).
CREATE OR REPLACE FUNCTION bench.uuid7(at timestamptz) RETURNS uuid
LANGUAGE sql VOLATILE AS $$
    SELECT (lpad(to_hex(floor(extract(epoch FROM at) * 1000)::bigint), 12, '0') || '7'
            || substr(replace(gen_random_uuid()::text, '-', ''), 14))::uuid
$$;

-- The text of message number `pos` of a conversation: 20-420 characters, single spaces, no
-- leading or trailing space, so that the server's preview of it is simply its first 160
-- characters.
CREATE OR REPLACE FUNCTION bench.message_body(seed bigint, pos int) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT rtrim(left(
        (ARRAY['Hi,', 'Hello,', 'Thanks!', 'Update:', 'Quick question:', 'Following up:'])[1 + ((seed + pos) % 6)::int]
        || ' ' || substr(
            'the export to CSV stops at about ten thousand rows and the file it leaves behind cannot be opened. '
            || 'We tried again this morning with a smaller date range and it worked, but our finance team needs '
            || 'the whole quarter in one file before Friday. Is there a limit on our plan, or is this a bug on '
            || 'your side? Our account is on the business tier and the admin is the one who reported it first. '
            || 'Happy to share a screen recording if that helps you reproduce it. Thanks for looking into it.',
            1 + ((seed * 7 + pos * 13) % 40)::int),
        20 + ((seed * 31 + pos * 17) % 401)::int))
$$;

CREATE OR REPLACE PROCEDURE bench.seed_workspace(p_slug text, p_name text, p_conversations int,
                                                 p_with_messages boolean, p_secret text)
LANGUAGE plpgsql AS $$
DECLARE
    ws uuid := bench.workspace_id(p_slug);
    t0 timestamptz := date_trunc('milliseconds', now());
    customers int := greatest(p_conversations / 4, 1);
BEGIN
    INSERT INTO workspaces (workspace_id, slug, name, created_at)
    VALUES (ws, p_slug, p_name, t0 - interval '400 days')
    ON CONFLICT DO NOTHING;

    -- As KeyManagement stores a key: the SHA-256 of the secret in hex and its first 15
    -- characters. The bootstrap key of `default` is already there.
    INSERT INTO api_keys (workspace_id, key_id, prefix, key_hash, name, scopes, created_at)
    SELECT ws, gen_random_uuid(), left(p_secret, 15), h, 'bench', '{}', t0
    FROM (SELECT encode(sha256(convert_to(p_secret, 'UTF8')), 'hex') AS h) AS hashed
    WHERE p_secret IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM api_keys WHERE workspace_id = ws AND key_hash = hashed.h);
    INSERT INTO bench.keys (workspace_id, slug, secret)
    SELECT ws, p_slug, p_secret WHERE p_secret IS NOT NULL
    ON CONFLICT (workspace_id) DO UPDATE SET secret = excluded.secret;

    -- One row per conversation: when it started, how long it ran, how many messages it has.
    DROP TABLE IF EXISTS seed_conversations;
    CREATE TEMP TABLE seed_conversations AS
    SELECT i,
           bench.uuid7(created_at) AS conversation_id,
           created_at,
           CASE WHEN messages > 1
                THEN date_trunc('milliseconds', least(created_at + span, t0 - interval '2 minutes'))
                ELSE created_at END
               AS last_message_at,
           messages,
           status,
           channel,
           priority,
           (hashtext(i::text || p_slug)::bigint & 1048575) AS seed
    FROM (
        SELECT i,
               date_trunc('milliseconds', t0 - random() * interval '180 days' - interval '1 hour') AS created_at,
               -- most conversations are resolved within hours, a few drag on for days
               power(random(), 3) * interval '3 days' AS span,
               CASE WHEN p_with_messages THEN 1 + floor(random() * 10)::int ELSE 0 END AS messages,
               (ARRAY['solved', 'solved', 'solved', 'solved', 'solved', 'solved', 'open', 'open', 'open',
                      'waiting'])[1 + floor(random() * 10)::int] AS status,
               (ARRAY['api', 'live-chat', 'email', 'discord'])[1 + floor(random() * 4)::int] AS channel,
               (ARRAY['low', 'medium', 'medium', 'medium', 'high', 'urgent'])[1 + floor(random() * 6)::int]
                   AS priority
        FROM generate_series(1, p_conversations) AS i
    ) AS drawn;

    INSERT INTO conversations (workspace_id, conversation_id, external_id, channel, status, priority, subject,
                               preview, customer_id, customer_name, customer_email, customer_company,
                               customer_identity_source, created_at, updated_at, last_message_at, closed_at,
                               message_count)
    SELECT ws, c.conversation_id,
           CASE WHEN c.i % 2 = 0 THEN 'ticket-' || c.i END,
           c.channel, c.status, c.priority, s.subject,
           CASE WHEN c.messages > 0 THEN left(bench.message_body(c.seed, c.messages), 160) ELSE s.subject END,
           'cus_' || (c.i % customers), 'Customer ' || (c.i % customers),
           CASE WHEN c.i % 3 <> 0 THEN 'customer' || (c.i % customers) || '@example.com' END,
           (ARRAY['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', ''])[1 + (c.i % 6)],
           'headers',
           c.created_at,
           CASE WHEN c.status = 'solved' THEN c.last_message_at + interval '1 minute' ELSE c.last_message_at END,
           c.last_message_at,
           CASE WHEN c.status = 'solved' THEN c.last_message_at + interval '1 minute' END,
           c.messages
    FROM seed_conversations AS c
    CROSS JOIN LATERAL (
        SELECT (ARRAY['Cannot log in', 'Refund for order', 'Shipping delay', 'Billing question',
                      'Export fails', 'Feature request', 'Password reset', 'Invoice copy'])[1 + (c.seed % 8)::int]
               || ' #' || (100000 + c.i) AS subject
    ) AS s
    ORDER BY c.conversation_id;

    IF p_with_messages THEN
        -- Message p of n is sent at created_at + span * (p - 1) / (n - 1): the first when the
        -- conversation opens, the last at last_message_at. Customers and the team take turns.
        INSERT INTO messages (workspace_id, conversation_id, position, message_id, role, body, delivery_status,
                              created_at, author_type, author_id)
        SELECT ws, c.conversation_id, m.p, bench.uuid7(m.at),
               CASE WHEN m.p % 2 = 1 THEN 'user' ELSE 'assistant' END,
               bench.message_body(c.seed, m.p), 'delivered', m.at,
               CASE WHEN m.p % 2 = 1 THEN 'customer' ELSE 'automation' END,
               CASE WHEN m.p % 2 = 1 THEN 'cus_' || (c.i % customers) END
        FROM seed_conversations AS c
        CROSS JOIN LATERAL (
            SELECT p, CASE WHEN p = c.messages THEN c.last_message_at
                           ELSE date_trunc('milliseconds',
                                c.created_at + (c.last_message_at - c.created_at) * (p - 1) / (c.messages - 1))
                      END AS at
            FROM generate_series(1, c.messages) AS p
        ) AS m
        ORDER BY c.conversation_id, m.p;
    END IF;

    DROP TABLE seed_conversations;
END
$$;

-- The conversations the load generators pick from at random, numbered 1..N in random
-- order: wrk reads them from a file, pgbench looks them up by number.
CREATE OR REPLACE PROCEDURE bench.pick_targets(p_slugs text[])
LANGUAGE plpgsql AS $$
BEGIN
    DROP TABLE IF EXISTS bench.targets;
    -- n numbers the targets in a random order (the HTTP runs read them in that order); ws numbers
    -- their workspaces and i the targets within one, so that pgbench can pick a workspace first,
    -- as the server knows it from the key before it sends any SQL.
    CREATE TABLE bench.targets AS
    SELECT row_number() OVER (ORDER BY random())::int AS n,
           dense_rank() OVER (ORDER BY c.workspace_id)::int AS ws,
           row_number() OVER (PARTITION BY c.workspace_id ORDER BY random())::int AS i,
           c.workspace_id, c.conversation_id
    FROM conversations AS c
    JOIN bench.keys AS k USING (workspace_id)
    WHERE k.slug = ANY (p_slugs);
    ALTER TABLE bench.targets ADD PRIMARY KEY (n);
    ALTER TABLE bench.targets ADD UNIQUE (ws, i);
    GRANT SELECT ON bench.targets TO woes;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'woes_app') THEN
        GRANT SELECT ON bench.targets TO woes_app;
    END IF;
END
$$;

-- bench.seed_operators(slug, operators, teams, tags) adds the operator workflow to a seeded
-- workspace: operators (mostly members, a few admins, some away) in teams (each operator in
-- one team, every fifth in a second one too), owners for most conversations (70% an
-- operator with one of their teams, 10% a team only, 20% unassigned; a few operators hold
-- more than the rest), and a tag vocabulary with 0-3 tags per conversation (a few tags
-- common, most rare). Assignment and tag times follow the conversation's start.
CREATE OR REPLACE PROCEDURE bench.seed_operators(p_slug text, p_operators int, p_teams int, p_tags int)
LANGUAGE plpgsql AS $$
DECLARE
    ws uuid := bench.workspace_id(p_slug);
    t0 timestamptz := date_trunc('milliseconds', now() - interval '400 days');
    team_names text[] := ARRAY['Billing', 'Technical', 'Onboarding', 'Escalations', 'Enterprise', 'Payments',
                               'Integrations', 'Mobile'];
    tag_names text[] := ARRAY['billing', 'refund', 'bug', 'login', 'export', 'invoice', 'shipping', 'feature-request',
                              'password', 'api', 'mobile', 'integration', 'vip', 'churn-risk', 'onboarding',
                              'performance', 'security', 'sso', 'webhooks', 'pricing', 'trial', 'cancellation',
                              'data-import', 'permissions', 'notifications', 'outage', 'feedback', 'legal', 'gdpr',
                              'upgrade'];
BEGIN
    DROP TABLE IF EXISTS seed_operators, seed_teams, seed_tags;

    CREATE TEMP TABLE seed_operators AS
    SELECT i, bench.uuid7(t0 + i * interval '1 hour') AS operator_id
    FROM generate_series(1, p_operators) AS i;
    INSERT INTO operators (workspace_id, operator_id, name, email, role, status, created_at, updated_at)
    SELECT ws, operator_id, 'Operator ' || i, 'operator' || i || '@' || p_slug || '.example.com',
           CASE WHEN i = 1 THEN 'owner' WHEN i % 7 = 0 THEN 'admin' ELSE 'member' END,
           CASE WHEN i % 6 = 0 THEN 'away' ELSE 'active' END,
           t0 + i * interval '1 hour', t0 + i * interval '1 hour'
    FROM seed_operators;

    CREATE TEMP TABLE seed_teams AS
    SELECT j, bench.uuid7(t0 + j * interval '1 minute') AS team_id,
           coalesce(team_names[j], 'Team ' || j) AS name
    FROM generate_series(1, p_teams) AS j;
    INSERT INTO teams (workspace_id, team_id, name, created_at, updated_at)
    SELECT ws, team_id, name, t0 + j * interval '1 minute', t0 + j * interval '1 minute' FROM seed_teams;
    INSERT INTO team_members (workspace_id, team_id, operator_id, added_at)
    SELECT ws, t.team_id, o.operator_id, t0 + o.i * interval '1 hour'
    FROM seed_operators o JOIN seed_teams t ON t.j = 1 + (o.i % p_teams)
                                           OR (o.i % 5 = 0 AND t.j = 1 + ((o.i + 1) % p_teams))
    ON CONFLICT DO NOTHING;

    CREATE TEMP TABLE seed_tags AS
    SELECT k, bench.uuid7(t0 + k * interval '1 second') AS tag_id, coalesce(tag_names[k], 'tag-' || k) AS name
    FROM generate_series(1, p_tags) AS k;
    INSERT INTO tag_definitions (workspace_id, tag_id, name, scope, color, description, created_at)
    SELECT ws, tag_id, name, CASE WHEN k % 5 = 0 THEN 'account' ELSE 'issue' END, '#6B7280', '',
           t0 + k * interval '1 second'
    FROM seed_tags;

    -- Owners: operator number drawn with a skew (the first operators hold more), with a
    -- team the operator is a member of.
    INSERT INTO conversation_assignments (workspace_id, conversation_id, operator_id, team_id, assigned_at)
    SELECT ws, c.conversation_id,
           CASE WHEN c.draw < 0.7 THEN o.operator_id END,
           (SELECT m.team_id FROM team_members m
            WHERE m.workspace_id = ws AND m.operator_id = o.operator_id ORDER BY m.team_id LIMIT 1),
           c.created_at + interval '1 minute'
    FROM (SELECT conversation_id, created_at, random() AS draw,
                 1 + floor(power(random(), 1.5) * p_operators)::int AS o
          FROM conversations WHERE workspace_id = ws) AS c
    JOIN seed_operators o ON o.i = c.o
    WHERE c.draw < 0.8;

    -- Tags: 0-3 per conversation, tag number drawn with a skew (the first tags are common).
    INSERT INTO conversation_tags (workspace_id, conversation_id, tag_id, added_at)
    SELECT ws, c.conversation_id, t.tag_id, c.created_at + interval '2 minutes'
    FROM conversations AS c
    CROSS JOIN LATERAL (
        SELECT DISTINCT 1 + floor(power(random(), 2) * p_tags)::int AS k
        FROM generate_series(1, abs(hashtext(c.conversation_id::text)) % 4) AS n
    ) AS drawn
    JOIN seed_tags AS t ON t.k = drawn.k
    WHERE c.workspace_id = ws;

    DROP TABLE seed_operators, seed_teams, seed_tags;
END
$$;
