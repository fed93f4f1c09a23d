-- A conversation's customer-visible thread. position orders it: handed out under the conversation's
-- row lock, so it follows commit order.
CREATE TABLE messages (
    workspace_id    uuid           NOT NULL,
    conversation_id uuid           NOT NULL,
    position        bigint         NOT NULL,
    message_id      uuid           NOT NULL,
    role            text           NOT NULL CHECK (role IN ('user', 'assistant')),
    body            text           NOT NULL,
    delivery_status text           NOT NULL,
    created_at      timestamptz(3) NOT NULL,
    PRIMARY KEY (workspace_id, conversation_id, position),
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations
);
