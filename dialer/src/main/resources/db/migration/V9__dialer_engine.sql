-- The campaign engine: leasing contacts, attempts, agents, compliance.
--
-- A contact's state: READY (may be dialled now), RETRY (waits for next_attempt_at), CALLBACK (an agent
-- set callback_at), DIALING (an attempt of it is open), then for good COMPLETED, FAILED (attempt caps
-- reached or a final network outcome), DNC or CANCELLED. The engine's housekeeping turns RETRY and
-- CALLBACK contacts READY when their time comes, so that the lease query reads READY contacts only.
ALTER TABLE contacts
    ADD COLUMN last_attempt_at timestamptz,
    -- when a live answer to it was last abandoned: the 72-hour rule counts from here
    ADD COLUMN abandoned_at    timestamptz,
    -- its latest attempts' start times, oldest first, at most the campaign's cap for 30 days
    ADD COLUMN recent_attempts timestamptz[] NOT NULL DEFAULT '{}',
    -- the agent a callback is reserved for (a user id), when the agent asked for it
    ADD COLUMN callback_owner  bigint;

-- An attempt is open (ended_at NULL) from its lease until its result is applied to its contact: after the
-- call for a network outcome, after the agent's disposition (or the end of wrap-up) for a connected call.
ALTER TABLE attempts
    ADD COLUMN node_id     text,
    ADD COLUMN lease_until timestamptz,
    ADD COLUMN attempt_no  integer NOT NULL DEFAULT 1,
    ADD COLUMN raw_cause   text,
    ADD COLUMN bridged_at  timestamptz,
    ADD COLUMN hangup_at   timestamptz,
    ADD COLUMN disposition text,
    ADD COLUMN notes       text;
-- attempts by campaign and time: stats and the abandonment rate over 24 h and 30 days
CREATE INDEX attempts_by_campaign ON attempts (campaign_id, started_at);
-- open attempts whose lease ran out (a node that is gone)
CREATE INDEX attempts_open_leases ON attempts (lease_until) WHERE ended_at IS NULL;

ALTER TABLE agents
    ADD COLUMN break_reason text,
    ADD COLUMN node_id      text,
    ADD COLUMN updated_at   timestamptz NOT NULL DEFAULT now();
ALTER TABLE agents ADD CONSTRAINT agents_state_known CHECK (
    state IN ('offline', 'ready', 'break', 'dnd', 'outbound-only', 'on-call', 'wrap-up'));

-- which agents take a campaign's calls, and how well
CREATE TABLE agent_campaigns (
    agent_id    bigint  NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    campaign_id bigint  NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    skill_level integer NOT NULL DEFAULT 1 CHECK (skill_level BETWEEN 1 AND 10),
    PRIMARY KEY (campaign_id, agent_id)
);

-- contacts the lease passed over for a compliance rule, by campaign and rule
CREATE TABLE compliance_skips (
    campaign_id bigint NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    reason      text   NOT NULL,
    skipped     bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, reason)
);

ALTER TABLE campaigns ADD COLUMN started_at timestamptz;
CREATE INDEX attempts_by_contact ON attempts (contact_id, outcome);
