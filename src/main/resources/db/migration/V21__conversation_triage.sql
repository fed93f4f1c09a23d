-- How a conversation is sorted: its status label, a pending snooze, its tags and its custom field
-- values. Deleting a definition removes its uses; a conversation without a stored label shows its
-- lifecycle's default.
CREATE TABLE conversation_labels (
    workspace_id    uuid           NOT NULL,
    conversation_id uuid           NOT NULL,
    status_id       uuid           NOT NULL,
    labelled_at     timestamptz(3) NOT NULL,
    PRIMARY KEY (workspace_id, conversation_id),
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations,
    FOREIGN KEY (workspace_id, status_id) REFERENCES status_definitions ON DELETE CASCADE
);
CREATE INDEX conversation_labels_status_idx ON conversation_labels (workspace_id, status_id);

-- Only pending snoozes are stored: a wake-up or any status change deletes the row, so the wake-up scan
-- over due rows stays small.
CREATE TABLE conversation_snoozes (
    workspace_id    uuid           NOT NULL,
    conversation_id uuid           NOT NULL,
    wake_at         timestamptz(3) NOT NULL,
    snoozed_at      timestamptz(3) NOT NULL,
    PRIMARY KEY (workspace_id, conversation_id),
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations
);
CREATE INDEX conversation_snoozes_wake_idx ON conversation_snoozes (workspace_id, wake_at);

CREATE TABLE conversation_tags (
    workspace_id    uuid           NOT NULL,
    conversation_id uuid           NOT NULL,
    tag_id          uuid           NOT NULL,
    added_at        timestamptz(3) NOT NULL,
    PRIMARY KEY (workspace_id, conversation_id, tag_id),
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations,
    FOREIGN KEY (workspace_id, tag_id) REFERENCES tag_definitions ON DELETE CASCADE
);
-- The tag filter of the conversation list probes (workspace, tag, conversation).
CREATE INDEX conversation_tags_tag_idx ON conversation_tags (workspace_id, tag_id, conversation_id);

CREATE TABLE conversation_custom_field_values (
    workspace_id    uuid           NOT NULL,
    conversation_id uuid           NOT NULL,
    field_id        uuid           NOT NULL,
    value           jsonb          NOT NULL,
    PRIMARY KEY (workspace_id, conversation_id, field_id),
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations,
    FOREIGN KEY (workspace_id, field_id) REFERENCES custom_field_definitions ON DELETE CASCADE
);
CREATE INDEX conversation_custom_field_values_field_idx ON conversation_custom_field_values (workspace_id, field_id);
