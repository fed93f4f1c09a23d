-- A delivery no longer keeps its own copy of the body: the sender builds the envelope from the event it
-- refers to ({"id","type","createdAt","workspaceId","data"}, the same bytes as before), so queueing an event
-- for five endpoints writes its data once, in the event, instead of six times. Pending deliveries keep
-- working: their events are still in the log.
ALTER TABLE webhook_deliveries DROP COLUMN payload;
