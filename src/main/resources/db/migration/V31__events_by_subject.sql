-- A record's history (the operator timeline reads a conversation's changes) in the order they happened.
CREATE INDEX events_subject ON events (workspace_id, subject_id, occurred_at, seq);
