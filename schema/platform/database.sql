-- The platform's production database as its code and migrations made it, on a bare PostgreSQL 15
-- (shared/platform-database.md). Reach never writes this file into a database of its own: the
-- tests and `Scripts/bench export` build "the platform's database" from it, to check that Reach's
-- export loads into it (--data-only) and that Reach's import reads every dump of it.
--
-- What makes it the real database rather than the seed document's:
-- - column order as the migrations left it (columns added later come last), which differs from
--   Reach's SQLite order;
-- - scraping_jobs.run_id and region (the code selects them), user_profiles.clerk_customer_id and
--   clerk_subscription_id (the migrations left them);
-- - timestamptz on background_jobs' six timestamps and events.timestamp and processed_at;
-- - NOT NULL on the legacy pair's columns; no CHECK constraints; Drizzle's constraint names;
-- - the rows the migrations wrote (five settings, one event), and Drizzle's bookkeeping table.
-- Left out, because they exist on Supabase only: the row level security policies naming
-- auth.uid() and the role service_role (row level security itself stays enabled).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE SCHEMA IF NOT EXISTS drizzle;
CREATE TABLE drizzle.__drizzle_migrations (
    id serial PRIMARY KEY,
    hash text NOT NULL,
    created_at bigint
);
INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES
    ('0000_sleepy_moira_mactaggert', 1718000000000),
    ('0002_lively_cable', 1719000000000),
    ('0004_qstash_fields', 1720000000000),
    ('0009_trial_system', 1726000000000),
    ('0010_search_indexes', 1727000000000),
    ('0011_industry_standard_event_sourcing', 1728000000000),
    ('0013_safe_plans_and_intended_plan', 1730000000000);

CREATE TABLE public.scraping_jobs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id text NOT NULL,
    run_id text,
    status varchar(20) DEFAULT 'pending' NOT NULL,
    keywords jsonb,
    platform varchar(50) DEFAULT 'Tiktok' NOT NULL,
    region varchar(10) DEFAULT 'US' NOT NULL,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    started_at timestamp without time zone,
    completed_at timestamp without time zone,
    error text,
    timeout_at timestamp without time zone,
    updated_at timestamp without time zone DEFAULT now() NOT NULL,
    "cursor" integer DEFAULT 0,
    processed_runs integer DEFAULT 0 NOT NULL,
    processed_results integer DEFAULT 0 NOT NULL,
    target_results integer DEFAULT 1000 NOT NULL,
    progress numeric DEFAULT '0',
    search_params jsonb,
    target_username text,
    campaign_id uuid,
    qstash_message_id text
);

CREATE TABLE public.scraping_results (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    job_id uuid,
    creators jsonb NOT NULL,
    created_at timestamp without time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.campaigns (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    description text,
    search_type varchar(20) NOT NULL,
    status varchar(20) DEFAULT 'draft' NOT NULL,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL,
    user_id text NOT NULL
);

CREATE TABLE public.search_jobs (
    id text NOT NULL,
    campaign_id uuid,
    platform varchar(20) NOT NULL,
    search_type varchar(20) NOT NULL,
    status varchar(20) DEFAULT 'queued' NOT NULL,
    total_count integer NOT NULL,
    completed_count integer DEFAULT 0 NOT NULL,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL,
    completed_at timestamp without time zone
);

CREATE TABLE public.search_results (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    job_id text NOT NULL,
    profile_id text NOT NULL,
    username text NOT NULL,
    display_name text,
    platform varchar(20) NOT NULL,
    profile_url text,
    post_url text,
    post_description text,
    avatar_url text,
    followers integer DEFAULT 0,
    is_verified varchar(10) DEFAULT 'false',
    email text,
    bio text,
    raw_data jsonb,
    created_at timestamp without time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.user_profiles (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id text NOT NULL,
    name text,
    company_name text,
    industry text,
    email text,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL,
    clerk_customer_id text,
    clerk_subscription_id text,
    signup_timestamp timestamp without time zone DEFAULT now() NOT NULL,
    onboarding_step varchar(50) DEFAULT 'pending' NOT NULL,
    full_name text,
    business_name text,
    brand_description text,
    email_schedule_status jsonb DEFAULT '{}'::jsonb,
    trial_start_date timestamp without time zone,
    trial_end_date timestamp without time zone,
    trial_status varchar(20) DEFAULT 'pending',
    stripe_customer_id text,
    stripe_subscription_id text,
    subscription_status varchar(20) DEFAULT 'none',
    current_plan varchar(50) DEFAULT 'free',
    payment_method_id text,
    card_last_4 varchar(4),
    card_brand varchar(20),
    card_exp_month integer,
    card_exp_year integer,
    billing_address_city text,
    billing_address_country varchar(2),
    billing_address_postal_code varchar(20),
    plan_campaigns_limit integer,
    plan_creators_limit integer,
    plan_features jsonb,
    usage_campaigns_current integer DEFAULT 0,
    usage_creators_current_month integer DEFAULT 0,
    usage_reset_date timestamp without time zone DEFAULT now(),
    last_webhook_event varchar(100),
    last_webhook_timestamp timestamp without time zone,
    billing_sync_status varchar(20) DEFAULT 'pending',
    trial_conversion_date timestamp without time zone,
    subscription_cancel_date timestamp without time zone,
    subscription_renewal_date timestamp without time zone,
    is_admin boolean DEFAULT false,
    intended_plan varchar(50)
);

CREATE TABLE public.system_configurations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    category varchar(50) NOT NULL,
    "key" varchar(100) NOT NULL,
    value text NOT NULL,
    value_type varchar(20) NOT NULL,
    description text,
    is_hot_reloadable varchar(5) DEFAULT 'true' NOT NULL,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.events (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    aggregate_id text NOT NULL,
    aggregate_type varchar(50) NOT NULL,
    event_type varchar(100) NOT NULL,
    event_version integer DEFAULT 1 NOT NULL,
    event_data jsonb NOT NULL,
    metadata jsonb,
    "timestamp" timestamp with time zone DEFAULT now() NOT NULL,
    processed_at timestamp with time zone,
    processing_status varchar(20) DEFAULT 'pending' NOT NULL,
    retry_count integer DEFAULT 0 NOT NULL,
    error text,
    idempotency_key text NOT NULL,
    source_system varchar(50) NOT NULL,
    correlation_id text,
    causation_id text
);

CREATE TABLE public.background_jobs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    job_type varchar(100) NOT NULL,
    payload jsonb NOT NULL,
    status varchar(20) DEFAULT 'pending' NOT NULL,
    qstash_message_id text,
    priority integer DEFAULT 100 NOT NULL,
    max_retries integer DEFAULT 3 NOT NULL,
    retry_count integer DEFAULT 0 NOT NULL,
    scheduled_for timestamp with time zone DEFAULT now() NOT NULL,
    started_at timestamp with time zone,
    completed_at timestamp with time zone,
    failed_at timestamp with time zone,
    error text,
    result jsonb,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.subscription_plans (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    plan_key varchar(50) NOT NULL,
    display_name text NOT NULL,
    description text,
    monthly_price integer NOT NULL,
    yearly_price integer,
    stripe_monthly_price_id text NOT NULL,
    stripe_yearly_price_id text,
    campaigns_limit integer NOT NULL,
    creators_limit integer NOT NULL,
    features jsonb DEFAULT '{}'::jsonb,
    is_active boolean DEFAULT true NOT NULL,
    sort_order integer DEFAULT 0,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.background_jobs ADD CONSTRAINT background_jobs_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.campaigns ADD CONSTRAINT campaigns_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.events ADD CONSTRAINT events_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.events ADD CONSTRAINT events_idempotency_key_key UNIQUE (idempotency_key);
ALTER TABLE ONLY public.scraping_jobs ADD CONSTRAINT scraping_jobs_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.scraping_results ADD CONSTRAINT scraping_results_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.search_jobs ADD CONSTRAINT search_jobs_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.search_results ADD CONSTRAINT search_results_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.subscription_plans ADD CONSTRAINT subscription_plans_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.subscription_plans ADD CONSTRAINT subscription_plans_plan_key_unique UNIQUE (plan_key);
ALTER TABLE ONLY public.system_configurations ADD CONSTRAINT system_configurations_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.system_configurations
    ADD CONSTRAINT system_configurations_category_key_unique UNIQUE (category, "key");
ALTER TABLE ONLY public.user_profiles ADD CONSTRAINT user_profiles_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.user_profiles ADD CONSTRAINT user_profiles_user_id_unique UNIQUE (user_id);

ALTER TABLE ONLY public.scraping_jobs
    ADD CONSTRAINT scraping_jobs_campaign_id_campaigns_id_fk FOREIGN KEY (campaign_id) REFERENCES public.campaigns(id);
ALTER TABLE ONLY public.scraping_results
    ADD CONSTRAINT scraping_results_job_id_scraping_jobs_id_fk FOREIGN KEY (job_id) REFERENCES public.scraping_jobs(id);
ALTER TABLE ONLY public.search_jobs
    ADD CONSTRAINT search_jobs_campaign_id_campaigns_id_fk FOREIGN KEY (campaign_id) REFERENCES public.campaigns(id);
ALTER TABLE ONLY public.search_results
    ADD CONSTRAINT search_results_job_id_search_jobs_id_fk FOREIGN KEY (job_id) REFERENCES public.search_jobs(id);

CREATE INDEX idx_user_profiles_trial_status ON public.user_profiles (trial_status);
CREATE INDEX idx_user_profiles_trial_dates ON public.user_profiles (trial_start_date, trial_end_date);
CREATE INDEX idx_user_profiles_stripe_customer_id ON public.user_profiles (stripe_customer_id);
CREATE INDEX idx_user_profiles_user_id ON public.user_profiles (user_id text_pattern_ops);
CREATE INDEX idx_user_profiles_full_name_search ON public.user_profiles USING gin (full_name gin_trgm_ops);
CREATE INDEX idx_user_profiles_business_name_search ON public.user_profiles USING gin (business_name gin_trgm_ops);
CREATE INDEX idx_user_profiles_admin_search ON public.user_profiles (created_at DESC, onboarding_step, trial_status);
CREATE INDEX idx_user_profiles_trial_info ON public.user_profiles (trial_status, trial_start_date, trial_end_date)
    WHERE trial_status <> 'pending';
CREATE INDEX idx_user_profiles_is_admin ON public.user_profiles (is_admin) WHERE is_admin;
CREATE INDEX idx_user_profiles_admin_lookup ON public.user_profiles (is_admin, full_name, email, updated_at);
CREATE INDEX idx_user_profiles_current_plan ON public.user_profiles (current_plan);
CREATE INDEX idx_user_profiles_subscription_status ON public.user_profiles (subscription_status);
CREATE INDEX idx_scraping_jobs_status_created ON public.scraping_jobs (status, created_at DESC);
CREATE INDEX idx_events_aggregate_id ON public.events (aggregate_id);
CREATE INDEX idx_events_aggregate_type ON public.events (aggregate_type);
CREATE INDEX idx_events_event_type ON public.events (event_type);
CREATE INDEX idx_events_timestamp ON public.events ("timestamp" DESC);
CREATE INDEX idx_events_processing_status ON public.events (processing_status);
CREATE INDEX idx_events_source_system ON public.events (source_system);
CREATE INDEX idx_events_correlation_id ON public.events (correlation_id);
CREATE INDEX idx_events_aggregate_type_timestamp ON public.events (aggregate_id, aggregate_type, "timestamp" DESC);
CREATE INDEX idx_events_processing_pending ON public.events (processing_status, "timestamp")
    WHERE processing_status = 'pending';
CREATE INDEX idx_background_jobs_status ON public.background_jobs (status);
CREATE INDEX idx_background_jobs_job_type ON public.background_jobs (job_type);
CREATE INDEX idx_background_jobs_scheduled_for ON public.background_jobs (scheduled_for);
CREATE INDEX idx_background_jobs_qstash_message_id ON public.background_jobs (qstash_message_id);
CREATE INDEX idx_background_jobs_priority_scheduled_for ON public.background_jobs (priority, scheduled_for);
CREATE INDEX idx_background_jobs_pending ON public.background_jobs (status, priority, scheduled_for)
    WHERE status = 'pending';
CREATE INDEX idx_background_jobs_processing ON public.background_jobs (status, started_at)
    WHERE status = 'processing';

CREATE FUNCTION public.update_admin_timestamp() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF OLD.is_admin IS DISTINCT FROM NEW.is_admin THEN
        NEW.updated_at = now();
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER trigger_update_admin_timestamp
    BEFORE UPDATE ON public.user_profiles
    FOR EACH ROW EXECUTE FUNCTION public.update_admin_timestamp();

ALTER TABLE public.events ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.background_jobs ENABLE ROW LEVEL SECURITY;

-- The rows the migrations wrote.
INSERT INTO public.system_configurations (category, "key", value, value_type, description) VALUES
    ('job_processing', 'max_concurrent_jobs', '10', 'number', 'Maximum concurrent background jobs'),
    ('job_processing', 'default_retry_delay', '30000', 'duration', 'Default retry delay in milliseconds'),
    ('job_processing', 'job_timeout', '300000', 'duration', 'Job timeout in milliseconds'),
    ('event_sourcing', 'event_retention_days', '365', 'number', 'Days to retain events'),
    ('event_sourcing', 'enable_event_replay', 'true', 'boolean', 'Enable event replay functionality');

INSERT INTO public.events (aggregate_id, aggregate_type, event_type, event_data, source_system, idempotency_key)
VALUES ('system', 'user', 'admin_action',
        '{"action": "migration_completed", "migration": "0011_industry_standard_event_sourcing"}',
        'system_automation', 'migration_0011_' || extract(epoch from clock_timestamp())::text);
