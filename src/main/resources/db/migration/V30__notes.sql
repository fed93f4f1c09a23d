-- Private notes: operator-only remarks on a conversation. Their own table, never a kind of message, so no
-- query that serves customers can reach them. author_id names an operator (author_type operator);
-- author_name names an automation (author_type automation). mentions holds the ids of the operators the
-- body mentions, in order of first mention.
CREATE TABLE notes (
    workspace_id    uuid           NOT NULL,
    note_id         uuid           NOT NULL,
    conversation_id uuid           NOT NULL,
    author_type     text           NOT NULL CHECK (author_type IN ('operator', 'automation')),
    author_id       uuid,
    author_name     text,
    body            text           NOT NULL,
    mentions        uuid[]         NOT NULL,
    created_at      timestamptz(3) NOT NULL,
    updated_at      timestamptz(3) NOT NULL,
    PRIMARY KEY (workspace_id, note_id),
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations,
    CHECK ((author_type = 'operator' AND author_id IS NOT NULL AND author_name IS NULL)
        OR (author_type = 'automation' AND author_id IS NULL AND author_name IS NOT NULL))
);

CREATE INDEX notes_thread ON notes (workspace_id, conversation_id, created_at, note_id);
