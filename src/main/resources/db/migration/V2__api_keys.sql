-- Only a SHA-256 hash of each key's secret and its visible prefix are stored.
CREATE TABLE api_keys (
    workspace_id uuid           NOT NULL REFERENCES workspaces,
    key_id       uuid           NOT NULL,
    prefix       text           NOT NULL,
    key_hash     text           NOT NULL,
    name         text           NOT NULL,
    scopes       text[]         NOT NULL DEFAULT '{}',
    created_at   timestamptz(3) NOT NULL,
    last_used_at timestamptz(3),
    expires_at   timestamptz(3),
    revoked_at   timestamptz(3),
    PRIMARY KEY (workspace_id, key_id),
    UNIQUE (workspace_id, prefix)
);
