-- A workspace is the tenant. Its id is derived from its slug (a name-based UUID), so the primary key
-- alone keeps slugs unique: every key and index in this schema starts with workspace_id.
CREATE TABLE workspaces (
    workspace_id uuid        PRIMARY KEY,
    slug         text        NOT NULL,
    name         text        NOT NULL,
    created_at   timestamptz(3) NOT NULL
);
