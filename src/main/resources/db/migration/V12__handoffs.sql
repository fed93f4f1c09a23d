-- Handoffs between automation and people. A conversation has at most one handoff that is not
-- released: none means automation handles it (agent); one not yet taken over means a handoff is
-- requested; one taken over means an operator handles it. Released handoffs are the history.
-- taken_over_by keeps the operator's id even after the operator is deleted.
CREATE TABLE handoffs (
    workspace_id    uuid           NOT NULL,
    handoff_id      uuid           NOT NULL,
    conversation_id uuid           NOT NULL,
    reason          text           NOT NULL,
    requested_by    text           NOT NULL CHECK (requested_by IN ('agent', 'customer', 'automation', 'operator')),
    team_id         uuid,
    requested_at    timestamptz(3) NOT NULL,
    taken_over_at   timestamptz(3),
    taken_over_by   uuid,
    released_at     timestamptz(3),
    PRIMARY KEY (workspace_id, handoff_id),
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations,
    CHECK ((taken_over_at IS NULL) = (taken_over_by IS NULL))
);

CREATE UNIQUE INDEX handoffs_one_active ON handoffs (workspace_id, conversation_id) WHERE released_at IS NULL;
CREATE INDEX handoffs_conversation ON handoffs (workspace_id, conversation_id, requested_at, handoff_id);
-- The queue of conversations waiting for a person, oldest request first.
CREATE INDEX handoffs_waiting ON handoffs (workspace_id, requested_at, handoff_id)
    WHERE taken_over_at IS NULL AND released_at IS NULL;
CREATE INDEX handoffs_requested ON handoffs (workspace_id, requested_at, handoff_id);
