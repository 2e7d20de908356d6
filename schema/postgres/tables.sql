-- Reach's PostgreSQL export, part 1 of 2: the platform's ten tables, before the data.
--
-- Columns as in Reach's SQLite schema (schema/sqlite), in the same order, typed by DESIGN.md's
-- mapping; Reach's added columns come last where SQLite's ALTER TABLE put them. Keys, foreign
-- keys, indexes, the trigger and row level security are in constraints.sql, applied after the
-- data is loaded (as pg_dump orders things). Target: an empty PostgreSQL 15 database.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE user_profiles (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id text NOT NULL,
    name text,
    company_name text,
    industry text,
    email text,
    signup_timestamp timestamp DEFAULT now() NOT NULL,
    onboarding_step varchar(50) DEFAULT 'pending' NOT NULL,
    full_name text,
    business_name text,
    brand_description text,
    email_schedule_status jsonb DEFAULT '{}'::jsonb,
    trial_start_date timestamp,
    trial_end_date timestamp,
    trial_status varchar(20) DEFAULT 'pending',
    current_plan varchar(50) DEFAULT 'free',
    intended_plan varchar(50),
    stripe_customer_id text,
    stripe_subscription_id text,
    subscription_status varchar(20) DEFAULT 'none',
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
    usage_reset_date timestamp DEFAULT now(),
    last_webhook_event varchar(100),
    last_webhook_timestamp timestamp,
    billing_sync_status varchar(20) DEFAULT 'pending',
    trial_conversion_date timestamp,
    subscription_cancel_date timestamp,
    subscription_renewal_date timestamp,
    is_admin boolean DEFAULT false,
    created_at timestamp DEFAULT now() NOT NULL,
    updated_at timestamp DEFAULT now() NOT NULL
);

CREATE TABLE campaigns (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id text NOT NULL,
    name text NOT NULL,
    description text,
    search_type varchar(20) NOT NULL,
    status varchar(20) DEFAULT 'draft' NOT NULL,
    created_at timestamp DEFAULT now() NOT NULL,
    updated_at timestamp DEFAULT now() NOT NULL
);

-- The platform's default platform was 'Tiktok'; Reach stores (and defaults to) 'TikTok'.
CREATE TABLE scraping_jobs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id text NOT NULL,
    campaign_id uuid,
    status varchar(20) DEFAULT 'pending' NOT NULL,
    keywords jsonb,
    target_username text,
    platform varchar(50) DEFAULT 'TikTok' NOT NULL,
    search_params jsonb,
    processed_runs integer DEFAULT 0 NOT NULL,
    processed_results integer DEFAULT 0 NOT NULL,
    target_results integer DEFAULT 1000 NOT NULL,
    "cursor" integer DEFAULT 0,
    progress numeric DEFAULT 0,
    qstash_message_id text,
    created_at timestamp DEFAULT now() NOT NULL,
    started_at timestamp,
    completed_at timestamp,
    timeout_at timestamp,
    updated_at timestamp DEFAULT now() NOT NULL,
    error text
);

-- "cursor" (Reach): the job cursor a page of creators was fetched at.
CREATE TABLE scraping_results (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    job_id uuid,
    creators jsonb NOT NULL,
    created_at timestamp DEFAULT now() NOT NULL,
    "cursor" integer
);

-- Legacy pair: search_jobs.id is text, not uuid (DESIGN.md).
CREATE TABLE search_jobs (
    id text NOT NULL,
    campaign_id uuid,
    platform varchar(20),
    search_type varchar(20),
    status varchar(20) DEFAULT 'queued',
    total_count integer NOT NULL,
    completed_count integer DEFAULT 0,
    created_at timestamp DEFAULT now() NOT NULL,
    updated_at timestamp DEFAULT now() NOT NULL,
    completed_at timestamp
);

CREATE TABLE search_results (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    job_id text,
    profile_id text,
    username text,
    display_name text,
    platform varchar(20),
    profile_url text,
    post_url text,
    post_description text,
    avatar_url text,
    followers integer DEFAULT 0,
    is_verified varchar(10) DEFAULT 'false',
    email text,
    bio text,
    raw_data jsonb,
    created_at timestamp DEFAULT now() NOT NULL
);

CREATE TABLE subscription_plans (
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
    created_at timestamp DEFAULT now() NOT NULL,
    updated_at timestamp DEFAULT now() NOT NULL
);

CREATE TABLE system_configurations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    category varchar(50) NOT NULL,
    "key" varchar(100) NOT NULL,
    value text NOT NULL,
    value_type varchar(20) NOT NULL,
    description text,
    is_hot_reloadable varchar(5) DEFAULT 'true' NOT NULL,
    created_at timestamp DEFAULT now() NOT NULL,
    updated_at timestamp DEFAULT now() NOT NULL
);

CREATE TABLE events (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    aggregate_id text NOT NULL,
    aggregate_type varchar(50) NOT NULL,
    event_type varchar(100) NOT NULL,
    event_version integer DEFAULT 1 NOT NULL,
    event_data jsonb NOT NULL,
    metadata jsonb,
    "timestamp" timestamp DEFAULT now() NOT NULL,
    processed_at timestamp,
    processing_status varchar(20) DEFAULT 'pending' NOT NULL,
    retry_count integer DEFAULT 0 NOT NULL,
    error text,
    idempotency_key text NOT NULL,
    source_system varchar(50) NOT NULL,
    correlation_id text,
    causation_id text
);

-- lease_expires_at, leased_by, dedupe_key (Reach): the scheduler's lease and de-duplication key.
CREATE TABLE background_jobs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    job_type varchar(100) NOT NULL,
    payload jsonb NOT NULL,
    status varchar(20) DEFAULT 'pending' NOT NULL,
    qstash_message_id text,
    priority integer DEFAULT 100 NOT NULL,
    max_retries integer DEFAULT 3 NOT NULL,
    retry_count integer DEFAULT 0 NOT NULL,
    scheduled_for timestamp DEFAULT now() NOT NULL,
    started_at timestamp,
    completed_at timestamp,
    failed_at timestamp,
    error text,
    result jsonb,
    created_at timestamp DEFAULT now() NOT NULL,
    updated_at timestamp DEFAULT now() NOT NULL,
    lease_expires_at timestamp,
    leased_by text,
    dedupe_key text
);
