-- Groups of operators a conversation can be assigned to. A name belongs to one team per workspace,
-- compared without case. Deleting an operator or a team removes its memberships.
CREATE TABLE teams (
    workspace_id uuid           NOT NULL,
    team_id      uuid           NOT NULL,
    name         text           NOT NULL,
    created_at   timestamptz(3) NOT NULL,
    updated_at   timestamptz(3),
    PRIMARY KEY (workspace_id, team_id)
);

CREATE UNIQUE INDEX teams_name ON teams (workspace_id, lower(name));

CREATE TABLE team_members (
    workspace_id uuid           NOT NULL,
    team_id      uuid           NOT NULL,
    operator_id  uuid           NOT NULL,
    added_at     timestamptz(3) NOT NULL,
    PRIMARY KEY (workspace_id, team_id, operator_id),
    FOREIGN KEY (workspace_id, team_id) REFERENCES teams ON DELETE CASCADE,
    FOREIGN KEY (workspace_id, operator_id) REFERENCES operators ON DELETE CASCADE
);

CREATE INDEX team_members_operator ON team_members (workspace_id, operator_id);
