-- Who owns a conversation: an operator, a team, or both. A row exists only while something is
-- assigned. The foreign keys keep the rules true under any concurrency: an assigned operator or team
-- cannot be deleted (NO ACTION), and when both are set the operator must be a member of the team
-- (the composite key is only checked when both columns are non-null).
CREATE TABLE conversation_assignments (
    workspace_id    uuid           NOT NULL,
    conversation_id uuid           NOT NULL,
    operator_id     uuid,
    team_id         uuid,
    assigned_at     timestamptz(3) NOT NULL,
    PRIMARY KEY (workspace_id, conversation_id),
    FOREIGN KEY (workspace_id, conversation_id) REFERENCES conversations,
    CONSTRAINT conversation_assignments_operator FOREIGN KEY (workspace_id, operator_id) REFERENCES operators,
    CONSTRAINT conversation_assignments_team FOREIGN KEY (workspace_id, team_id) REFERENCES teams,
    CONSTRAINT conversation_assignments_member FOREIGN KEY (workspace_id, team_id, operator_id) REFERENCES team_members,
    CHECK (operator_id IS NOT NULL OR team_id IS NOT NULL)
);

-- The inbox filters assigneeId and teamId probe these from each conversation row (EXISTS).
CREATE INDEX conversation_assignments_operator_idx ON conversation_assignments (workspace_id, operator_id, conversation_id);
CREATE INDEX conversation_assignments_team_idx ON conversation_assignments (workspace_id, team_id, conversation_id);
