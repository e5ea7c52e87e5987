-- Missed inbound calls become callbacks (issue 8). Each DID group (a set of called numbers) calls back
-- through a campaign of its own: 'auto' groups through a progressive campaign (dialled as soon as an agent
-- is free), 'manual' groups through a preview one (the agent clicks to dial). One group is the default: it
-- takes missed calls to numbers of no group. Deleting a callback campaign deletes its group.
CREATE TABLE did_groups (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name             text        NOT NULL,
    mode             text        NOT NULL CHECK (mode IN ('auto', 'manual')),
    deadline_minutes integer     NOT NULL CHECK (deadline_minutes BETWEEN 1 AND 1440),
    campaign_id      bigint      NOT NULL UNIQUE REFERENCES campaigns (id) ON DELETE CASCADE,
    is_default       boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX did_groups_name_key ON did_groups (lower(name));
-- at most one default group, whichever node creates it first
CREATE UNIQUE INDEX did_groups_one_default ON did_groups (is_default) WHERE is_default;

-- a called number (E.164) belongs to at most one group
CREATE TABLE did_numbers (
    number_e164 text   PRIMARY KEY,
    group_id    bigint NOT NULL REFERENCES did_groups (id) ON DELETE CASCADE
);
CREATE INDEX did_numbers_by_group ON did_numbers (group_id);

-- A caller's callback: open from the first missed call until it is closed; more missed calls from the same
-- caller meanwhile count on it. Its contact is in the group's campaign (no foreign key: contacts are
-- partitioned, see V5).
CREATE TABLE missed_calls (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    caller_e164     text        NOT NULL,
    called_e164     text,
    group_id        bigint      NOT NULL REFERENCES did_groups (id) ON DELETE CASCADE,
    campaign_id     bigint      NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    contact_id      bigint      NOT NULL,
    reason          text        NOT NULL CHECK (reason IN ('no-answer', 'abandoned-in-queue', 'busy', 'after-hours', 'ivr-exit')),
    ivr_path        text,
    waited_seconds  integer,
    first_missed_at timestamptz NOT NULL,
    last_missed_at  timestamptz NOT NULL,
    missed_count    integer     NOT NULL DEFAULT 1,
    state           text        NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved-by-customer')),
    closed_at       timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
-- one open callback per caller, whatever the group: the intake's per-caller lock keeps to it, this enforces it
CREATE UNIQUE INDEX missed_calls_one_open_per_caller ON missed_calls (caller_e164) WHERE state = 'open';
CREATE INDEX missed_calls_by_state ON missed_calls (state, id);
