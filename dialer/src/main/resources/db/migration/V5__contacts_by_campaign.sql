-- Contacts are partitioned by campaign: one table a campaign, attached to `contacts` when the campaign
-- receives its first contacts (dialer.contact.ContactPartitions). A campaign's first list is loaded into a
-- new table whose indexes are built once after the load, which is several times faster than a million
-- index insertions; deleting a campaign drops its table instead of deleting its contacts one by one.
-- Keys that must be unique include campaign_id, as PostgreSQL requires of a partitioned table; it comes
-- last, since it is the same in every row of a campaign's table and would only slow sorting and lookups.

ALTER TABLE attempts DROP CONSTRAINT attempts_contact_id_fkey;
ALTER TABLE contacts RENAME TO contacts_unpartitioned;
ALTER INDEX contacts_external_id_key RENAME TO contacts_unpartitioned_external_id_key;

-- each session takes ids a thousand at a time: a million-row list does not lock the sequence a million times
-- (ids still follow the lines of one import; ids a stopped session had taken are skipped)
CREATE SEQUENCE contact_ids CACHE 1000;
SELECT setval('contact_ids', coalesce(max(id), 0) + 1, false) FROM contacts_unpartitioned;

CREATE TABLE contacts (
    id              bigint      NOT NULL DEFAULT nextval('contact_ids'),
    campaign_id     bigint      NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
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
    PRIMARY KEY (id, campaign_id),
    UNIQUE (phone_e164, campaign_id)
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

ALTER TABLE attempts ADD FOREIGN KEY (campaign_id, contact_id) REFERENCES contacts (campaign_id, id) ON DELETE CASCADE;
