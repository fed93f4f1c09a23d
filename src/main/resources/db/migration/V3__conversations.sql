CREATE TABLE conversations (
    workspace_id             uuid           NOT NULL REFERENCES workspaces,
    conversation_id          uuid           NOT NULL,
    external_id              text,
    channel                  text           NOT NULL CHECK (channel IN ('api', 'live-chat', 'email', 'discord')),
    status                   text           NOT NULL CHECK (status IN ('open', 'waiting', 'solved')),
    priority                 text           NOT NULL,
    subject                  text           NOT NULL,
    preview                  text           NOT NULL,
    customer_id              text           NOT NULL,
    customer_name            text           NOT NULL,
    customer_email           text,
    customer_company         text           NOT NULL,
    customer_identity_source text           NOT NULL,
    created_at               timestamptz(3) NOT NULL,
    updated_at               timestamptz(3),
    last_message_at          timestamptz(3) NOT NULL,
    closed_at                timestamptz(3),
    -- How many messages the conversation has; the next message takes the next position.
    message_count            bigint         NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, conversation_id),
    CONSTRAINT conversations_external_id_key UNIQUE (workspace_id, external_id),
    CHECK ((status = 'solved') = (closed_at IS NOT NULL))
);

-- The inbox order (most recent activity first), walked by keyset, with and without the common filters.
CREATE INDEX conversations_recent_idx ON conversations (workspace_id, last_message_at, conversation_id);
CREATE INDEX conversations_status_recent_idx ON conversations (workspace_id, status, last_message_at, conversation_id);
CREATE INDEX conversations_customer_recent_idx ON conversations (workspace_id, customer_id, last_message_at, conversation_id);
