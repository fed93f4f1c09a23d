-- Operators added to a conversation by hand to follow it. Deleting the operator removes the follow;
-- what they wrote stays attributed to them on the messages.
CREATE TABLE conversation_followers (
    workspace_id    uuid           NOT NULL,
    conversation_id uuid           NOT NULL,
    operator_id     uuid           NOT NULL,
    added_at        timestamptz(3) NOT NULL,
    PRIMARY KEY (workspace_id, conversation_id, operator_id),
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations,
    FOREIGN KEY (workspace_id, operator_id) REFERENCES operators ON DELETE CASCADE
);

CREATE INDEX conversation_followers_operator ON conversation_followers (workspace_id, operator_id);
