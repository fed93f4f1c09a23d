-- Every change, written in the transaction that made it: exactly one row if that transaction commits,
-- none if it rolls back. tx_id (the writing transaction) and seq order the change feed: a reader only
-- passes events whose transaction is older than every transaction still running, so an event that
-- commits late can never land behind a cursor that has already moved past it.
CREATE TABLE events (
    workspace_id uuid           NOT NULL,
    event_id     uuid           NOT NULL,
    tx_id        xid8           NOT NULL DEFAULT pg_current_xact_id(),
    seq          bigint         GENERATED ALWAYS AS IDENTITY,
    type         text           NOT NULL,
    occurred_at  timestamptz(3) NOT NULL,
    actor_type   text           NOT NULL CHECK (actor_type IN ('api_key', 'operator', 'automation', 'customer', 'system')),
    actor_id     text,
    subject_id   uuid,
    data         jsonb          NOT NULL,
    PRIMARY KEY (workspace_id, event_id)
);

CREATE INDEX events_feed ON events (workspace_id, tx_id, seq);
