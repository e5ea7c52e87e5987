-- Contacts are partitioned by campaign: one table a campaign, attached to `contacts` when the campaign
-- receives its first contacts (dialer.contact.ContactPartitions). A campaign's first list is loaded into a
-- new table whose indexes are built once after the load, which is several times faster than a million
-- index insertions.
-- Keys that must be unique include campaign_id, as PostgreSQL requires of a partitioned table; it comes
-- last, since it is the same in every row of a campaign's table and would only slow sorting and lookups.
-- No foreign key refers to or from `contacts`: attaching a table to a partitioned table that has one locks
-- the other table against writes until the import commits (attempts in every campaign, or every campaign).
-- What they guarded is kept by the code instead: intake holds the campaign row (FOR KEY SHARE) while it
-- writes, deleting a campaign deletes its contacts and attempts, and the dialler writes an attempt in the
-- transaction that holds its contact locked (ARCHITECTURE.md, "no double dial").

ALTER TABLE attempts DROP CONSTRAINT attempts_contact_id_fkey;
ALTER TABLE contacts RENAME TO contacts_unpartitioned;
ALTER TABLE contacts_unpartitioned RENAME CONSTRAINT contacts_pkey TO contacts_unpartitioned_pkey;
ALTER INDEX contacts_external_id_key RENAME TO contacts_unpartitioned_external_id_key;

CREATE SEQUENCE contact_ids;
SELECT setval('contact_ids', coalesce(max(id), 0) + 1, false) FROM contacts_unpartitioned;

CREATE TABLE contacts (
    id              bigint      NOT NULL DEFAULT nextval('contact_ids'),
    campaign_id     bigint      NOT NULL,
    phone_e164      text        NOT NULL,
    alt_phones      text[]      NOT NULL DEFAULT '{}',
    time_zone       text,
    first_name      text,
    last_name       text,
    external_id     text,
    priority        integer     NOT NULL DEFAULT 0,
    state           text        NOT NULL DEFAULT 'READY',
    next_attempt_at timestamptz,
    callback_at     timestamptz,
    attempts_total  integer     NOT NULL DEFAULT 0,
    custom_fields   jsonb       NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now(),
    import_id       bigint,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT contacts_pkey PRIMARY KEY (id, campaign_id),
    CONSTRAINT contacts_phone_key UNIQUE (phone_e164, campaign_id)
) PARTITION BY LIST (campaign_id);
ALTER SEQUENCE contact_ids OWNED BY contacts.id;
-- a CRM's key for a contact: unique within its campaign
CREATE UNIQUE INDEX contacts_external_id_key ON contacts (external_id, campaign_id) WHERE external_id IS NOT NULL;

DO $$
DECLARE
    campaign bigint;
BEGIN
    FOR campaign IN SELECT DISTINCT campaign_id FROM contacts_unpartitioned LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF contacts FOR VALUES IN (%s)', 'contacts_campaign_' || campaign, campaign);
    END LOOP;
END
$$;
INSERT INTO contacts SELECT id, campaign_id, phone_e164, alt_phones, time_zone, first_name, last_name, external_id,
    priority, state, next_attempt_at, callback_at, attempts_total, custom_fields, created_at, import_id, updated_at
FROM contacts_unpartitioned;
DROP TABLE contacts_unpartitioned;
