-- The retention purge finds a workspace's expired events by time without reading its whole feed.
CREATE INDEX events_retention ON events (workspace_id, occurred_at);
