-- The workspace's human members. An email belongs to one operator per workspace, compared without case.
CREATE TABLE operators (
    workspace_id uuid           NOT NULL,
    operator_id  uuid           NOT NULL,
    name         text           NOT NULL,
    email        text           NOT NULL,
    role         text           NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    status       text           NOT NULL CHECK (status IN ('active', 'away')),
    created_at   timestamptz(3) NOT NULL,
    updated_at   timestamptz(3),
    PRIMARY KEY (workspace_id, operator_id)
);

CREATE UNIQUE INDEX operators_email ON operators (workspace_id, lower(email));
