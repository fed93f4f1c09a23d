-- Product work that support raised: one row per issue. preview is derived from the description
-- (or the subject while the description is empty); closed_at is set exactly while the issue is closed.
CREATE TABLE issues (
    workspace_id           uuid           NOT NULL REFERENCES workspaces,
    issue_id               uuid           NOT NULL,
    subject                text           NOT NULL,
    preview                text           NOT NULL,
    description            text           NOT NULL,
    status_category        text           NOT NULL CHECK (status_category IN ('new', 'on_you', 'on_customer', 'on_hold', 'closed')),
    priority               text           NOT NULL,
    tags                   text[]         NOT NULL,
    customer_name          text           NOT NULL,
    customer_email         text,
    customer_company       text           NOT NULL,
    source_channel         text,
    source_conversation_id uuid,
    created_at             timestamptz(3) NOT NULL,
    updated_at             timestamptz(3) NOT NULL,
    last_activity_at       timestamptz(3) NOT NULL,
    closed_at              timestamptz(3),
    PRIMARY KEY (workspace_id, issue_id),
    FOREIGN KEY (workspace_id, source_conversation_id) REFERENCES conversations (workspace_id, conversation_id),
    CHECK ((status_category = 'closed') = (closed_at IS NOT NULL))
);

-- The list order (most recent activity first), walked by keyset, with and without the common filters.
CREATE INDEX issues_recent_idx ON issues (workspace_id, last_activity_at, issue_id);
CREATE INDEX issues_status_recent_idx ON issues (workspace_id, status_category, last_activity_at, issue_id);
CREATE INDEX issues_customer_email_idx ON issues (workspace_id, lower(customer_email), last_activity_at, issue_id);
CREATE INDEX issues_source_conversation_idx ON issues (workspace_id, source_conversation_id);

-- Which conversations an issue is linked to: many conversations to one issue, and a conversation to
-- several issues. Every change to an issue's links first locks the issue's row, so links of one issue
-- change one at a time.
CREATE TABLE issue_conversations (
    workspace_id    uuid           NOT NULL,
    issue_id        uuid           NOT NULL,
    conversation_id uuid           NOT NULL,
    linked_at       timestamptz(3) NOT NULL,
    PRIMARY KEY (workspace_id, issue_id, conversation_id),
    FOREIGN KEY (workspace_id, issue_id) REFERENCES issues (workspace_id, issue_id),
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations (workspace_id, conversation_id)
);

CREATE INDEX issue_conversations_by_conversation_idx ON issue_conversations (workspace_id, conversation_id, linked_at, issue_id);
CREATE INDEX issue_conversations_by_issue_idx ON issue_conversations (workspace_id, issue_id, linked_at, conversation_id);

-- The team's private notes on an issue; never shown to a customer. A note copied from a conversation's
-- private notes keeps its author and time and names the conversation it came from.
CREATE TABLE issue_notes (
    workspace_id           uuid           NOT NULL,
    note_id                uuid           NOT NULL,
    issue_id               uuid           NOT NULL,
    author_id              uuid,
    body                   text           NOT NULL,
    source_conversation_id uuid,
    created_at             timestamptz(3) NOT NULL,
    updated_at             timestamptz(3) NOT NULL,
    PRIMARY KEY (workspace_id, note_id),
    FOREIGN KEY (workspace_id, issue_id) REFERENCES issues (workspace_id, issue_id)
);

CREATE INDEX issue_notes_by_issue_idx ON issue_notes (workspace_id, issue_id, created_at, note_id);

-- Where the issue is tracked elsewhere (Linear, Jira, GitHub, ...). One link per provider and key on an
-- issue, keys compared without case.
CREATE TABLE issue_external_links (
    workspace_id uuid           NOT NULL,
    link_id      uuid           NOT NULL,
    issue_id     uuid           NOT NULL,
    provider     text           NOT NULL,
    key          text           NOT NULL,
    url          text           NOT NULL,
    status       text,
    created_at   timestamptz(3) NOT NULL,
    updated_at   timestamptz(3) NOT NULL,
    PRIMARY KEY (workspace_id, link_id),
    FOREIGN KEY (workspace_id, issue_id) REFERENCES issues (workspace_id, issue_id)
);

CREATE UNIQUE INDEX issue_external_links_key ON issue_external_links (workspace_id, issue_id, provider, lower(key));
