-- The operator timeline reads a conversation's messages by time.
CREATE INDEX messages_by_time ON messages (workspace_id, conversation_id, created_at, position);
