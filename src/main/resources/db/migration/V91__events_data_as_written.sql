-- An event's data is kept as the JSON text the server wrote: json, which PostgreSQL checks but
-- does not convert, instead of jsonb, which it parses into a binary form on every insert. The log
-- is written on every change and read back only as text; the one lookup inside it
-- (EventHistory.latest, a path of two keys within one conversation's events) works on json alike.
ALTER TABLE events ALTER COLUMN data TYPE json USING data::json;
