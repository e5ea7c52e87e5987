-- Foundation schema: who may use the appliance, and the core tables of the dialling domain.
-- Later migrations extend these tables; none of them is ever edited once released.

CREATE TABLE users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      text        NOT NULL,
    password_hash text        NOT NULL,
    roles         text[]      NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_roles_known CHECK (
        cardinality(roles) > 0 AND roles <@ ARRAY['admin', 'manager', 'supervisor', 'agent'])
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

CREATE TABLE api_keys (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text        NOT NULL,
    key_prefix   text        NOT NULL,
    key_hash     text        NOT NULL UNIQUE,
    scopes       text[]      NOT NULL,
    created_by   bigint      REFERENCES users (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);

CREATE TABLE campaigns (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL UNIQUE,
    mode       text        NOT NULL CHECK (mode IN ('preview', 'progressive', 'power', 'predictive')),
    state      text        NOT NULL DEFAULT 'draft'
                           CHECK (state IN ('draft', 'running', 'paused', 'stopped', 'completed')),
    settings   jsonb       NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE contacts (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
    UNIQUE (campaign_id, phone_e164)
);
CREATE INDEX contacts_due ON contacts (campaign_id, state, next_attempt_at);

CREATE TABLE agents (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint      NOT NULL UNIQUE REFERENCES users (id),
    phone_uri   text,
    state       text        NOT NULL DEFAULT 'offline',
    state_since timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE attempts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id  bigint      NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    campaign_id bigint      NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    phone_e164  text        NOT NULL,
    state       text        NOT NULL,
    outcome     text,
    sip_status  integer,
    q850_cause  integer,
    agent_id    bigint      REFERENCES agents (id),
    started_at  timestamptz NOT NULL DEFAULT now(),
    answered_at timestamptz,
    ended_at    timestamptz
);
-- a contact never has two open attempts, whatever node placed them
CREATE UNIQUE INDEX attempts_one_open_per_contact ON attempts (contact_id) WHERE ended_at IS NULL;

CREATE TABLE dnc_entries (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone_e164  text        NOT NULL,
    campaign_id bigint      REFERENCES campaigns (id) ON DELETE CASCADE,
    source      text        NOT NULL DEFAULT 'manual',
    created_at  timestamptz NOT NULL DEFAULT now()
);
-- one global entry per number (campaign_id NULL) and one per campaign
CREATE UNIQUE INDEX dnc_entries_global_key ON dnc_entries (phone_e164) WHERE campaign_id IS NULL;
CREATE UNIQUE INDEX dnc_entries_campaign_key ON dnc_entries (campaign_id, phone_e164) WHERE campaign_id IS NOT NULL;
