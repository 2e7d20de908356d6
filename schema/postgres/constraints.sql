-- Reach's PostgreSQL export, part 2 of 2: applied after the data of tables.sql is loaded.
--
-- Keys and foreign keys under the names the platform's database has (Drizzle's), so that its own
-- later migrations find them; the platform's indexes (platform-facts.md) and the indexes of
-- Reach's SQLite schema under the same names; the platform's trigger on user_profiles.is_admin;
-- row level security on events and background_jobs, as the platform's migrations enabled it.

-- Primary keys

ALTER TABLE ONLY user_profiles ADD CONSTRAINT user_profiles_pkey PRIMARY KEY (id);
ALTER TABLE ONLY campaigns ADD CONSTRAINT campaigns_pkey PRIMARY KEY (id);
ALTER TABLE ONLY scraping_jobs ADD CONSTRAINT scraping_jobs_pkey PRIMARY KEY (id);
ALTER TABLE ONLY scraping_results ADD CONSTRAINT scraping_results_pkey PRIMARY KEY (id);
ALTER TABLE ONLY search_jobs ADD CONSTRAINT search_jobs_pkey PRIMARY KEY (id);
ALTER TABLE ONLY search_results ADD CONSTRAINT search_results_pkey PRIMARY KEY (id);
ALTER TABLE ONLY subscription_plans ADD CONSTRAINT subscription_plans_pkey PRIMARY KEY (id);
ALTER TABLE ONLY system_configurations ADD CONSTRAINT system_configurations_pkey PRIMARY KEY (id);
ALTER TABLE ONLY events ADD CONSTRAINT events_pkey PRIMARY KEY (id);
ALTER TABLE ONLY background_jobs ADD CONSTRAINT background_jobs_pkey PRIMARY KEY (id);

-- Unique constraints

ALTER TABLE ONLY user_profiles ADD CONSTRAINT user_profiles_user_id_unique UNIQUE (user_id);
ALTER TABLE ONLY subscription_plans ADD CONSTRAINT subscription_plans_plan_key_unique UNIQUE (plan_key);
ALTER TABLE ONLY system_configurations
    ADD CONSTRAINT system_configurations_category_key_unique UNIQUE (category, "key");
ALTER TABLE ONLY events ADD CONSTRAINT events_idempotency_key_key UNIQUE (idempotency_key);

-- Foreign keys

ALTER TABLE ONLY scraping_jobs
    ADD CONSTRAINT scraping_jobs_campaign_id_campaigns_id_fk FOREIGN KEY (campaign_id) REFERENCES campaigns (id);
ALTER TABLE ONLY scraping_results
    ADD CONSTRAINT scraping_results_job_id_scraping_jobs_id_fk FOREIGN KEY (job_id) REFERENCES scraping_jobs (id);
ALTER TABLE ONLY search_jobs
    ADD CONSTRAINT search_jobs_campaign_id_campaigns_id_fk FOREIGN KEY (campaign_id) REFERENCES campaigns (id);
ALTER TABLE ONLY search_results
    ADD CONSTRAINT search_results_job_id_search_jobs_id_fk FOREIGN KEY (job_id) REFERENCES search_jobs (id);

-- user_profiles

CREATE INDEX idx_user_profiles_trial_status ON user_profiles (trial_status);
CREATE INDEX idx_user_profiles_trial_dates ON user_profiles (trial_start_date, trial_end_date);
CREATE INDEX idx_user_profiles_stripe_customer_id ON user_profiles (stripe_customer_id);
CREATE INDEX idx_user_profiles_stripe_subscription_id ON user_profiles (stripe_subscription_id);
CREATE INDEX idx_user_profiles_user_id ON user_profiles (user_id text_pattern_ops);
CREATE INDEX idx_user_profiles_full_name_search ON user_profiles USING gin (full_name gin_trgm_ops);
CREATE INDEX idx_user_profiles_business_name_search ON user_profiles USING gin (business_name gin_trgm_ops);
CREATE INDEX idx_user_profiles_admin_search ON user_profiles (created_at DESC, onboarding_step, trial_status);
CREATE INDEX idx_user_profiles_trial_info ON user_profiles (trial_status, trial_start_date, trial_end_date)
    WHERE trial_status <> 'pending';
CREATE INDEX idx_user_profiles_trial_expiry ON user_profiles USING btree (trial_status, trial_end_date);
CREATE INDEX idx_user_profiles_is_admin ON user_profiles (is_admin) WHERE is_admin;
CREATE INDEX idx_user_profiles_admin_lookup ON user_profiles (is_admin, full_name, email, updated_at);
CREATE INDEX idx_user_profiles_current_plan ON user_profiles (current_plan);
CREATE INDEX idx_user_profiles_subscription_status ON user_profiles (subscription_status);

-- campaigns, scraping jobs and results, the legacy pair

CREATE INDEX idx_campaigns_user_created ON campaigns (user_id, created_at DESC);
CREATE INDEX idx_scraping_jobs_status_created ON scraping_jobs (status, created_at DESC);
CREATE INDEX idx_scraping_jobs_user_created ON scraping_jobs (user_id, created_at DESC);
CREATE INDEX idx_scraping_jobs_campaign_id ON scraping_jobs (campaign_id);
CREATE INDEX idx_scraping_results_job_id ON scraping_results (job_id);
CREATE UNIQUE INDEX idx_scraping_results_job_cursor ON scraping_results (job_id, "cursor");
CREATE INDEX idx_search_jobs_campaign_id ON search_jobs (campaign_id);
CREATE INDEX idx_search_results_job_id ON search_results (job_id);

-- events

CREATE INDEX idx_events_aggregate_id ON events (aggregate_id);
CREATE INDEX idx_events_aggregate_type ON events (aggregate_type);
CREATE INDEX idx_events_event_type ON events (event_type);
CREATE INDEX idx_events_timestamp ON events ("timestamp" DESC);
CREATE INDEX idx_events_processing_status ON events (processing_status);
CREATE INDEX idx_events_source_system ON events (source_system);
CREATE INDEX idx_events_correlation_id ON events (correlation_id);
CREATE INDEX idx_events_aggregate_type_timestamp ON events (aggregate_id, aggregate_type, "timestamp" DESC);
CREATE INDEX idx_events_processing_pending ON events (processing_status, "timestamp")
    WHERE processing_status = 'pending';

-- background_jobs

CREATE INDEX idx_background_jobs_status ON background_jobs (status);
CREATE INDEX idx_background_jobs_job_type ON background_jobs (job_type);
CREATE INDEX idx_background_jobs_scheduled_for ON background_jobs (scheduled_for);
CREATE INDEX idx_background_jobs_qstash_message_id ON background_jobs (qstash_message_id);
CREATE INDEX idx_background_jobs_priority_scheduled_for ON background_jobs (priority, scheduled_for);
CREATE INDEX idx_background_jobs_status_created ON background_jobs USING btree (status, created_at DESC);
CREATE INDEX idx_background_jobs_pending ON background_jobs (status, priority, scheduled_for)
    WHERE status = 'pending';
CREATE INDEX idx_background_jobs_processing ON background_jobs (status, started_at)
    WHERE status = 'processing';
CREATE UNIQUE INDEX idx_background_jobs_dedupe_key ON background_jobs (dedupe_key)
    WHERE dedupe_key IS NOT NULL;
CREATE INDEX idx_background_jobs_lease ON background_jobs (status, lease_expires_at)
    WHERE status = 'processing';

-- user_profiles.updated_at is refreshed when is_admin changes, unless the same write sets
-- updated_at itself (as Reach's SQLite triggers do).

CREATE FUNCTION update_admin_timestamp() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trigger_update_admin_timestamp
    BEFORE UPDATE OF is_admin ON user_profiles
    FOR EACH ROW
    WHEN (OLD.is_admin IS DISTINCT FROM NEW.is_admin)
    EXECUTE FUNCTION update_admin_timestamp();

-- Row level security on events: a user reads the events whose aggregate is themselves (the Clerk
-- user id). Without Supabase's auth schema, the user id is the request.jwt.claim.sub setting
-- (PostgREST's); unset, a user reads nothing. The table's owner bypasses the policy.

ALTER TABLE events ENABLE ROW LEVEL SECURITY;
ALTER TABLE background_jobs ENABLE ROW LEVEL SECURITY;

CREATE POLICY events_select_own ON events
    FOR SELECT
    USING (aggregate_id = nullif(current_setting('request.jwt.claim.sub', true), ''));
