-- The first answer to a write sent with an Idempotency-Key, kept so that a retry with the same key gets
-- the same answer instead of a second write. A row is inserted in the transaction of the write it
-- answers: both commit or neither does. method, path and body_sha256 are what the key was first used
-- for; a key reused for anything else is refused. Rows older than woes.idempotency.ttl are purged.
CREATE TABLE idempotency_keys (
    workspace_id    uuid           NOT NULL,
    idempotency_key text           NOT NULL,
    method          text           NOT NULL,
    path            text           NOT NULL,
    body_sha256     bytea          NOT NULL,
    status          integer        NOT NULL,
    headers         jsonb          NOT NULL,
    body            bytea          NOT NULL,
    created_at      timestamptz(3) NOT NULL,
    PRIMARY KEY (workspace_id, idempotency_key)
);

CREATE INDEX idempotency_keys_expiry ON idempotency_keys (workspace_id, created_at);
