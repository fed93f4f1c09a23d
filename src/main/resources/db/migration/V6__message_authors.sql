-- Who wrote each message, for operator views (timeline, participants). The customer-facing message
-- object does not show it. Messages recorded through the messages route are the customer's (role user)
-- or an automation's written elsewhere (role assistant); operator replies name the operator.
ALTER TABLE messages
    ADD COLUMN author_type text,
    ADD COLUMN author_id   text;

UPDATE messages SET author_type = CASE role WHEN 'user' THEN 'customer' ELSE 'automation' END;

ALTER TABLE messages
    ALTER COLUMN author_type SET NOT NULL,
    ADD CONSTRAINT messages_author_type CHECK (author_type IN ('customer', 'operator', 'automation'));
