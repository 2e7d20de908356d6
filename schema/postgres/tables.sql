-- Reach's PostgreSQL export, part 1 of 2: the platform's ten tables, before the data.
--
-- The tables of the platform's production database (schema/platform/database.sql, from
-- shared/platform-database.md): its column order, its types (timestamptz where its migrations
-- left them) and its defaults, so that the platform's own code runs on what Reach hands over.
-- Reach's own columns come last, each marked "-- Reach's own". Where the platform's database
-- says NOT NULL of a column Reach's file may leave empty (the legacy pair), the export keeps it
-- nullable: every row Reach's file holds must load. Keys, foreign keys, indexes, the trigger and
-- row level security are in constraints.sql, applied after the data is loaded (as pg_dump orders
-- things). Target: an empty PostgreSQL 15 database.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE user_profiles (
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

CREATE TABLE campaigns (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    description text,
    search_type varchar(20) NOT NULL,
    status varchar(20) DEFAULT 'draft' NOT NULL,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL,
    user_id text NOT NULL
);

-- The platform's default platform was 'Tiktok'; Reach stores (and defaults to) 'TikTok'.
CREATE TABLE scraping_jobs (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id text NOT NULL,
    run_id text,
    status varchar(20) DEFAULT 'pending' NOT NULL,
    keywords jsonb,
    platform varchar(50) DEFAULT 'TikTok' NOT NULL,
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

CREATE TABLE scraping_results (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    job_id uuid,
    creators jsonb NOT NULL,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    "cursor" integer -- Reach's own: the job cursor a page of creators was fetched at
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
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL,
    completed_at timestamp without time zone
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
    created_at timestamp without time zone DEFAULT now() NOT NULL
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
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone DEFAULT now() NOT NULL
);

CREATE TABLE system_configurations (
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

CREATE TABLE events (
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

CREATE TABLE background_jobs (
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
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    lease_expires_at timestamp with time zone, -- Reach's own: the lease of a running job
    leased_by text, -- Reach's own
    dedupe_key text -- Reach's own: the queue's de-duplication key
);
