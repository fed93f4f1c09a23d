-- Workspace definitions: the labels a team sorts its conversations by. Names and labels are unique
-- per workspace regardless of case, enforced here so that concurrent creates cannot both succeed.

-- Which kinds of definitions a workspace has been given its defaults for. A row is claimed once, in the
-- transaction that inserts the defaults, so defaults appear exactly once even when requests race.
CREATE TABLE definition_seeds (
    workspace_id uuid           NOT NULL REFERENCES workspaces,
    kind         text           NOT NULL CHECK (kind IN ('statuses', 'priorities')),
    seeded_at    timestamptz(3) NOT NULL,
    PRIMARY KEY (workspace_id, kind)
);

-- A status is a label of one lifecycle (open, waiting, solved); the enabled status of lowest rank is
-- its lifecycle's default.
CREATE TABLE status_definitions (
    workspace_id uuid           NOT NULL REFERENCES workspaces,
    status_id    uuid           NOT NULL,
    label        text           NOT NULL,
    lifecycle    text           NOT NULL CHECK (lifecycle IN ('open', 'waiting', 'solved')),
    enabled      boolean        NOT NULL,
    rank         integer        NOT NULL,
    tone         text           NOT NULL,
    color        text           NOT NULL,
    created_at   timestamptz(3) NOT NULL,
    PRIMARY KEY (workspace_id, status_id)
);
CREATE UNIQUE INDEX status_definitions_label_key ON status_definitions (workspace_id, lower(label));

CREATE TABLE priority_definitions (
    workspace_id       uuid           NOT NULL REFERENCES workspaces,
    priority_id        uuid           NOT NULL,
    label              text           NOT NULL,
    enabled            boolean        NOT NULL,
    highlight_in_queue boolean        NOT NULL,
    rank               integer        NOT NULL,
    tone               text           NOT NULL,
    color              text           NOT NULL,
    created_at         timestamptz(3) NOT NULL,
    PRIMARY KEY (workspace_id, priority_id)
);
CREATE UNIQUE INDEX priority_definitions_label_key ON priority_definitions (workspace_id, lower(label));

CREATE TABLE tag_definitions (
    workspace_id uuid           NOT NULL REFERENCES workspaces,
    tag_id       uuid           NOT NULL,
    name         text           NOT NULL,
    scope        text           NOT NULL CHECK (scope IN ('issue', 'account')),
    color        text           NOT NULL,
    description  text           NOT NULL,
    created_at   timestamptz(3) NOT NULL,
    PRIMARY KEY (workspace_id, tag_id)
);
CREATE UNIQUE INDEX tag_definitions_name_key ON tag_definitions (workspace_id, lower(name));

CREATE TABLE custom_field_definitions (
    workspace_id uuid           NOT NULL REFERENCES workspaces,
    field_id     uuid           NOT NULL,
    label        text           NOT NULL,
    type         text           NOT NULL CHECK (type IN ('text', 'number', 'decimal', 'select', 'multi-select',
                                                         'boolean', 'date', 'url')),
    enabled      boolean        NOT NULL,
    fill_mode    text           NOT NULL,
    description  text           NOT NULL,
    options      text[]         NOT NULL,
    created_at   timestamptz(3) NOT NULL,
    PRIMARY KEY (workspace_id, field_id)
);
CREATE UNIQUE INDEX custom_field_definitions_label_key ON custom_field_definitions (workspace_id, lower(label));
