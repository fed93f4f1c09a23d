-- Outbound webhook endpoints. The signing secret must be kept readable (it signs every delivery); during a
-- rotation's grace period the previous secret signs too. failing_since and failed_deliveries track a run of
-- failures, which disables the endpoint when it lasts too long.
CREATE TABLE webhooks (
    workspace_id               uuid           NOT NULL,
    webhook_id                 uuid           NOT NULL,
    name                       text           NOT NULL,
    url                        text           NOT NULL,
    events                     text[]         NOT NULL,
    enabled                    boolean        NOT NULL,
    disabled_reason            text,
    secret                     text           NOT NULL,
    previous_secret            text,
    previous_secret_expires_at timestamptz(3),
    failing_since              timestamptz(3),
    failed_deliveries          integer        NOT NULL DEFAULT 0,
    created_at                 timestamptz(3) NOT NULL,
    updated_at                 timestamptz(3) NOT NULL,
    PRIMARY KEY (workspace_id, webhook_id)
);

-- One row per workspace that has (or had) webhooks: how far the dispatcher has read the workspace's event
-- feed. The dispatcher turns events into deliveries and moves the cursor in one transaction, so a crash
-- repeats a step and never skips one.
CREATE TABLE webhook_workspaces (
    workspace_id uuid   NOT NULL PRIMARY KEY,
    cursor_tx    xid8   NOT NULL,
    cursor_seq   bigint NOT NULL
);

-- The durable delivery queue and its history. A pending delivery is due at next_attempt_at; a sender that
-- claims it pushes next_attempt_at forward by a lease, so a sender that dies mid-request leaves it to be
-- retried when the lease runs out.
CREATE TABLE webhook_deliveries (
    workspace_id     uuid           NOT NULL,
    delivery_id      uuid           NOT NULL,
    webhook_id       uuid           NOT NULL,
    event_id         uuid           NOT NULL,
    event_type       text           NOT NULL,
    payload          text           NOT NULL,
    state            text           NOT NULL CHECK (state IN ('pending', 'succeeded', 'failed')),
    attempts         integer        NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz(3),
    last_attempt_at  timestamptz(3),
    status_code      integer,
    response_excerpt text,
    error            text,
    created_at       timestamptz(3) NOT NULL,
    completed_at     timestamptz(3),
    PRIMARY KEY (workspace_id, delivery_id),
    FOREIGN KEY (workspace_id, webhook_id) REFERENCES webhooks (workspace_id, webhook_id) ON DELETE CASCADE
);

CREATE INDEX webhook_deliveries_history ON webhook_deliveries (workspace_id, webhook_id, delivery_id);
-- Only pending rows: small, and what senders scan for due work.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (workspace_id, next_attempt_at) WHERE state = 'pending';
