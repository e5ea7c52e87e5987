-- Contact intake: CSV imports and CRM pushes.

ALTER TABLE contacts
    ADD COLUMN import_id  bigint,
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
-- a CRM's key for a contact: unique within its campaign
CREATE UNIQUE INDEX contacts_external_id_key ON contacts (campaign_id, external_id) WHERE external_id IS NOT NULL;
-- every index on contacts slows bulk intake; the dialler's lease index comes with the lease query that uses it
DROP INDEX contacts_due;

CREATE TABLE imports (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id       bigint      NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    file_name         text,
    state             text        NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'done', 'failed')),
    rows_read         bigint      NOT NULL DEFAULT 0,
    accepted          bigint      NOT NULL DEFAULT 0,
    rejected          bigint      NOT NULL DEFAULT 0,
    rejects_by_reason jsonb       NOT NULL DEFAULT '{}',
    encoding          text,
    delimiter         text,
    header            jsonb,
    error             text,
    error_line        bigint,
    created_by        bigint      REFERENCES users (id),
    started_at        timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz
);

CREATE TABLE import_rejects (
    import_id bigint NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    line      bigint NOT NULL,
    reason    text   NOT NULL CHECK (reason IN ('missing_number', 'invalid_number', 'duplicate', 'dnc', 'malformed_row')),
    detail    text,
    fields    jsonb  NOT NULL,
    PRIMARY KEY (import_id, line)
);
