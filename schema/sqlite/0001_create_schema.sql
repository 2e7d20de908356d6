-- 0001: the platform's ten tables.
--
-- Types follow DESIGN.md's mapping, so that every row SQLite accepts loads into PostgreSQL 15:
-- UUIDs are lowercase text, timestamps 'YYYY-MM-DD HH:MM:SS.SSS' (UTC, year >= 0001, a real
-- calendar date: the julianday round trip refuses 2026-02-30), JSONB is valid JSON without a
-- \u0000 escape, booleans 0/1, integers 32-bit, varchar(n) at most n characters, and no text
-- holds a NUL character. Enumerations are CHECKed here once and for all: SQLite cannot alter a
-- CHECK later. Every CHECK is named <table>_<column>_check, so a refused write names its column.

PRAGMA application_id = 1380270403;

CREATE TABLE user_profiles (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))) CONSTRAINT user_profiles_id_check CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    user_id TEXT NOT NULL UNIQUE CONSTRAINT user_profiles_user_id_check CHECK (instr(user_id, char(0)) = 0),
    name TEXT CONSTRAINT user_profiles_name_check CHECK (name IS NULL OR (instr(name, char(0)) = 0)),
    company_name TEXT CONSTRAINT user_profiles_company_name_check CHECK (company_name IS NULL OR (instr(company_name, char(0)) = 0)),
    industry TEXT CONSTRAINT user_profiles_industry_check CHECK (industry IS NULL OR (instr(industry, char(0)) = 0)),
    email TEXT CONSTRAINT user_profiles_email_check CHECK (email IS NULL OR (instr(email, char(0)) = 0)),
    signup_timestamp TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')) CONSTRAINT user_profiles_signup_timestamp_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(signup_timestamp)) IS signup_timestamp AND signup_timestamp >= '0001-01-01'),
    onboarding_step TEXT NOT NULL DEFAULT 'pending' CONSTRAINT user_profiles_onboarding_step_check CHECK (onboarding_step IN ('pending', 'info_captured', 'intent_captured', 'completed') AND length(onboarding_step) <= 50 AND instr(onboarding_step, char(0)) = 0),
    full_name TEXT CONSTRAINT user_profiles_full_name_check CHECK (full_name IS NULL OR (instr(full_name, char(0)) = 0)),
    business_name TEXT CONSTRAINT user_profiles_business_name_check CHECK (business_name IS NULL OR (instr(business_name, char(0)) = 0)),
    brand_description TEXT CONSTRAINT user_profiles_brand_description_check CHECK (brand_description IS NULL OR (instr(brand_description, char(0)) = 0)),
    email_schedule_status TEXT DEFAULT '{}' CONSTRAINT user_profiles_email_schedule_status_check CHECK (email_schedule_status IS NULL OR (json_valid(email_schedule_status) AND instr(email_schedule_status, '\u0000') = 0)),
    trial_start_date TEXT CONSTRAINT user_profiles_trial_start_date_check CHECK (trial_start_date IS NULL OR (strftime('%Y-%m-%d %H:%M:%f', julianday(trial_start_date)) IS trial_start_date AND trial_start_date >= '0001-01-01')),
    trial_end_date TEXT CONSTRAINT user_profiles_trial_end_date_check CHECK (trial_end_date IS NULL OR (strftime('%Y-%m-%d %H:%M:%f', julianday(trial_end_date)) IS trial_end_date AND trial_end_date >= '0001-01-01')),
    trial_status TEXT DEFAULT 'pending' CONSTRAINT user_profiles_trial_status_check CHECK (trial_status IS NULL OR (trial_status IN ('pending', 'active', 'expired', 'cancelled', 'converted') AND length(trial_status) <= 20 AND instr(trial_status, char(0)) = 0)),
    current_plan TEXT DEFAULT 'free' CONSTRAINT user_profiles_current_plan_check CHECK (current_plan IS NULL OR (current_plan IN ('free', 'glow_up', 'viral_surge', 'fame_flex') AND length(current_plan) <= 50 AND instr(current_plan, char(0)) = 0)),
    intended_plan TEXT CONSTRAINT user_profiles_intended_plan_check CHECK (intended_plan IS NULL OR (intended_plan IN ('free', 'glow_up', 'viral_surge', 'fame_flex') AND length(intended_plan) <= 50 AND instr(intended_plan, char(0)) = 0)),
    stripe_customer_id TEXT CONSTRAINT user_profiles_stripe_customer_id_check CHECK (stripe_customer_id IS NULL OR (instr(stripe_customer_id, char(0)) = 0)),
    stripe_subscription_id TEXT CONSTRAINT user_profiles_stripe_subscription_id_check CHECK (stripe_subscription_id IS NULL OR (instr(stripe_subscription_id, char(0)) = 0)),
    subscription_status TEXT DEFAULT 'none' CONSTRAINT user_profiles_subscription_status_check CHECK (subscription_status IS NULL OR (subscription_status IN ('none', 'trialing', 'active', 'past_due', 'canceled') AND length(subscription_status) <= 20 AND instr(subscription_status, char(0)) = 0)),
    payment_method_id TEXT CONSTRAINT user_profiles_payment_method_id_check CHECK (payment_method_id IS NULL OR (instr(payment_method_id, char(0)) = 0)),
    card_last_4 TEXT CONSTRAINT user_profiles_card_last_4_check CHECK (card_last_4 IS NULL OR (length(card_last_4) <= 4 AND instr(card_last_4, char(0)) = 0)),
    card_brand TEXT CONSTRAINT user_profiles_card_brand_check CHECK (card_brand IS NULL OR (length(card_brand) <= 20 AND instr(card_brand, char(0)) = 0)),
    card_exp_month INTEGER CONSTRAINT user_profiles_card_exp_month_check CHECK (card_exp_month IS NULL OR (card_exp_month BETWEEN -2147483648 AND 2147483647)),
    card_exp_year INTEGER CONSTRAINT user_profiles_card_exp_year_check CHECK (card_exp_year IS NULL OR (card_exp_year BETWEEN -2147483648 AND 2147483647)),
    billing_address_city TEXT CONSTRAINT user_profiles_billing_address_city_check CHECK (billing_address_city IS NULL OR (instr(billing_address_city, char(0)) = 0)),
    billing_address_country TEXT CONSTRAINT user_profiles_billing_address_country_check CHECK (billing_address_country IS NULL OR (length(billing_address_country) <= 2 AND instr(billing_address_country, char(0)) = 0)),
    billing_address_postal_code TEXT CONSTRAINT user_profiles_billing_address_postal_code_check CHECK (billing_address_postal_code IS NULL OR (length(billing_address_postal_code) <= 20 AND instr(billing_address_postal_code, char(0)) = 0)),
    plan_campaigns_limit INTEGER CONSTRAINT user_profiles_plan_campaigns_limit_check CHECK (plan_campaigns_limit IS NULL OR (plan_campaigns_limit BETWEEN -2147483648 AND 2147483647)),
    plan_creators_limit INTEGER CONSTRAINT user_profiles_plan_creators_limit_check CHECK (plan_creators_limit IS NULL OR (plan_creators_limit BETWEEN -2147483648 AND 2147483647)),
    plan_features TEXT CONSTRAINT user_profiles_plan_features_check CHECK (plan_features IS NULL OR (json_valid(plan_features) AND instr(plan_features, '\u0000') = 0)),
    usage_campaigns_current INTEGER DEFAULT 0 CONSTRAINT user_profiles_usage_campaigns_current_check CHECK (usage_campaigns_current IS NULL OR (usage_campaigns_current BETWEEN -2147483648 AND 2147483647)),
    usage_creators_current_month INTEGER DEFAULT 0 CONSTRAINT user_profiles_usage_creators_current_month_check CHECK (usage_creators_current_month IS NULL OR (usage_creators_current_month BETWEEN -2147483648 AND 2147483647)),
    usage_reset_date TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')) CONSTRAINT user_profiles_usage_reset_date_check CHECK (usage_reset_date IS NULL OR (strftime('%Y-%m-%d %H:%M:%f', julianday(usage_reset_date)) IS usage_reset_date AND usage_reset_date >= '0001-01-01')),
    last_webhook_event TEXT CONSTRAINT user_profiles_last_webhook_event_check CHECK (last_webhook_event IS NULL OR (length(last_webhook_event) <= 100 AND instr(last_webhook_event, char(0)) = 0)),
    last_webhook_timestamp TEXT CONSTRAINT user_profiles_last_webhook_timestamp_check CHECK (last_webhook_timestamp IS NULL OR (strftime('%Y-%m-%d %H:%M:%f', julianday(last_webhook_timestamp)) IS last_webhook_timestamp AND last_webhook_timestamp >= '0001-01-01')),
    billing_sync_status TEXT DEFAULT 'pending' CONSTRAINT user_profiles_billing_sync_status_check CHECK (billing_sync_status IS NULL OR (length(billing_sync_status) <= 20 AND instr(billing_sync_status, char(0)) = 0)),
    trial_conversion_date TEXT CONSTRAINT user_profiles_trial_conversion_date_check CHECK (trial_conversion_date IS NULL OR (strftime('%Y-%m-%d %H:%M:%f', julianday(trial_conversion_date)) IS trial_conversion_date AND trial_conversion_date >= '0001-01-01')),
    subscription_cancel_date TEXT CONSTRAINT user_profiles_subscription_cancel_date_check CHECK (subscription_cancel_date IS NULL OR (strftime('%Y-%m-%d %H:%M:%f', julianday(subscription_cancel_date)) IS subscription_cancel_date AND subscription_cancel_date >= '0001-01-01')),
    subscription_renewal_date TEXT CONSTRAINT user_profiles_subscription_renewal_date_check CHECK (subscription_renewal_date IS NULL OR (strftime('%Y-%m-%d %H:%M:%f', julianday(subscription_renewal_date)) IS subscription_renewal_date AND subscription_renewal_date >= '0001-01-01')),
    is_admin INTEGER DEFAULT 0 CONSTRAINT user_profiles_is_admin_check CHECK (is_admin IS NULL OR (is_admin IN (0, 1))),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')) CONSTRAINT user_profiles_created_at_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(created_at)) IS created_at AND created_at >= '0001-01-01'),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')) CONSTRAINT user_profiles_updated_at_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(updated_at)) IS updated_at AND updated_at >= '0001-01-01')
) STRICT;

CREATE TABLE campaigns (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))) CONSTRAINT campaigns_id_check CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    user_id TEXT NOT NULL CONSTRAINT campaigns_user_id_check CHECK (instr(user_id, char(0)) = 0),
    name TEXT NOT NULL CONSTRAINT campaigns_name_check CHECK (instr(name, char(0)) = 0),
    description TEXT CONSTRAINT campaigns_description_check CHECK (description IS NULL OR (instr(description, char(0)) = 0)),
    search_type TEXT NOT NULL CONSTRAINT campaigns_search_type_check CHECK (search_type IN ('keyword', 'similar') AND length(search_type) <= 20 AND instr(search_type, char(0)) = 0),
    status TEXT NOT NULL DEFAULT 'draft' CONSTRAINT campaigns_status_check CHECK (status IN ('draft', 'active', 'completed', 'archived') AND length(status) <= 20 AND instr(status, char(0)) = 0),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')) CONSTRAINT campaigns_created_at_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(created_at)) IS created_at AND created_at >= '0001-01-01'),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')) CONSTRAINT campaigns_updated_at_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(updated_at)) IS updated_at AND updated_at >= '0001-01-01')
) STRICT;

CREATE TABLE scraping_jobs (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))) CONSTRAINT scraping_jobs_id_check CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    user_id TEXT NOT NULL CONSTRAINT scraping_jobs_user_id_check CHECK (instr(user_id, char(0)) = 0),
    campaign_id TEXT REFERENCES campaigns(id) CONSTRAINT scraping_jobs_campaign_id_check CHECK (campaign_id IS NULL OR (campaign_id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')),
    status TEXT NOT NULL DEFAULT 'pending' CONSTRAINT scraping_jobs_status_check CHECK (status IN ('pending', 'processing', 'completed', 'error', 'timeout', 'cancelled') AND length(status) <= 20 AND instr(status, char(0)) = 0),
    keywords TEXT CONSTRAINT scraping_jobs_keywords_check CHECK (keywords IS NULL OR (json_valid(keywords) AND instr(keywords, '\u0000') = 0)),
    target_username TEXT CONSTRAINT scraping_jobs_target_username_check CHECK (target_username IS NULL OR (instr(target_username, char(0)) = 0)),
    platform TEXT NOT NULL DEFAULT 'TikTok' CONSTRAINT scraping_jobs_platform_check CHECK (platform IN ('TikTok', 'Instagram', 'YouTube') AND length(platform) <= 50 AND instr(platform, char(0)) = 0),
    search_params TEXT CONSTRAINT scraping_jobs_search_params_check CHECK (search_params IS NULL OR (json_valid(search_params) AND instr(search_params, '\u0000') = 0)),
    processed_runs INTEGER NOT NULL DEFAULT 0 CONSTRAINT scraping_jobs_processed_runs_check CHECK (processed_runs BETWEEN -2147483648 AND 2147483647),
    processed_results INTEGER NOT NULL DEFAULT 0 CONSTRAINT scraping_jobs_processed_results_check CHECK (processed_results BETWEEN -2147483648 AND 2147483647),
    target_results INTEGER NOT NULL DEFAULT 1000 CONSTRAINT scraping_jobs_target_results_check CHECK (target_results BETWEEN -2147483648 AND 2147483647),
    "cursor" INTEGER DEFAULT 0 CONSTRAINT scraping_jobs_cursor_check CHECK ("cursor" IS NULL OR ("cursor" BETWEEN -2147483648 AND 2147483647)),
    progress REAL DEFAULT 0 CONSTRAINT scraping_jobs_progress_check CHECK (progress IS NULL OR (progress BETWEEN 0 AND 100)),
    qstash_message_id TEXT CONSTRAINT scraping_jobs_qstash_message_id_check CHECK (qstash_message_id IS NULL OR (instr(qstash_message_id, char(0)) = 0)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')) CONSTRAINT scraping_jobs_created_at_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(created_at)) IS created_at AND created_at >= '0001-01-01'),
    started_at TEXT CONSTRAINT scraping_jobs_started_at_check CHECK (started_at IS NULL OR (strftime('%Y-%m-%d %H:%M:%f', julianday(started_at)) IS started_at AND started_at >= '0001-01-01')),
    completed_at TEXT CONSTRAINT scraping_jobs_completed_at_check CHECK (completed_at IS NULL OR (strftime('%Y-%m-%d %H:%M:%f', julianday(completed_at)) IS completed_at AND completed_at >= '0001-01-01')),
    timeout_at TEXT CONSTRAINT scraping_jobs_timeout_at_check CHECK (timeout_at IS NULL OR (strftime('%Y-%m-%d %H:%M:%f', julianday(timeout_at)) IS timeout_at AND timeout_at >= '0001-01-01')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')) CONSTRAINT scraping_jobs_updated_at_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(updated_at)) IS updated_at AND updated_at >= '0001-01-01'),
    error TEXT CONSTRAINT scraping_jobs_error_check CHECK (error IS NULL OR (instr(error, char(0)) = 0))
) STRICT;

CREATE TABLE scraping_results (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))) CONSTRAINT scraping_results_id_check CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    job_id TEXT REFERENCES scraping_jobs(id) CONSTRAINT scraping_results_job_id_check CHECK (job_id IS NULL OR (job_id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')),
    creators TEXT NOT NULL CONSTRAINT scraping_results_creators_check CHECK (json_valid(creators) AND instr(creators, '\u0000') = 0),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')) CONSTRAINT scraping_results_created_at_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(created_at)) IS created_at AND created_at >= '0001-01-01')
) STRICT;

CREATE TABLE search_jobs (
    id TEXT PRIMARY KEY NOT NULL CONSTRAINT search_jobs_id_check CHECK (instr(id, char(0)) = 0),
    campaign_id TEXT REFERENCES campaigns(id) CONSTRAINT search_jobs_campaign_id_check CHECK (campaign_id IS NULL OR (campaign_id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')),
    platform TEXT CONSTRAINT search_jobs_platform_check CHECK (platform IS NULL OR (length(platform) <= 20 AND instr(platform, char(0)) = 0)),
    search_type TEXT CONSTRAINT search_jobs_search_type_check CHECK (search_type IS NULL OR (length(search_type) <= 20 AND instr(search_type, char(0)) = 0)),
    status TEXT DEFAULT 'queued' CONSTRAINT search_jobs_status_check CHECK (status IS NULL OR (status IN ('queued', 'processing', 'completed', 'failed', 'cancelled') AND length(status) <= 20 AND instr(status, char(0)) = 0)),
    total_count INTEGER NOT NULL CONSTRAINT search_jobs_total_count_check CHECK (total_count BETWEEN -2147483648 AND 2147483647),
    completed_count INTEGER DEFAULT 0 CONSTRAINT search_jobs_completed_count_check CHECK (completed_count IS NULL OR (completed_count BETWEEN -2147483648 AND 2147483647)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')) CONSTRAINT search_jobs_created_at_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(created_at)) IS created_at AND created_at >= '0001-01-01'),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')) CONSTRAINT search_jobs_updated_at_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(updated_at)) IS updated_at AND updated_at >= '0001-01-01'),
    completed_at TEXT CONSTRAINT search_jobs_completed_at_check CHECK (completed_at IS NULL OR (strftime('%Y-%m-%d %H:%M:%f', julianday(completed_at)) IS completed_at AND completed_at >= '0001-01-01'))
) STRICT;

CREATE TABLE search_results (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))) CONSTRAINT search_results_id_check CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    job_id TEXT REFERENCES search_jobs(id) CONSTRAINT search_results_job_id_check CHECK (job_id IS NULL OR (instr(job_id, char(0)) = 0)),
    profile_id TEXT CONSTRAINT search_results_profile_id_check CHECK (profile_id IS NULL OR (instr(profile_id, char(0)) = 0)),
    username TEXT CONSTRAINT search_results_username_check CHECK (username IS NULL OR (instr(username, char(0)) = 0)),
    display_name TEXT CONSTRAINT search_results_display_name_check CHECK (display_name IS NULL OR (instr(display_name, char(0)) = 0)),
    platform TEXT CONSTRAINT search_results_platform_check CHECK (platform IS NULL OR (platform IN ('TikTok', 'Instagram', 'YouTube') AND length(platform) <= 20 AND instr(platform, char(0)) = 0)),
    profile_url TEXT CONSTRAINT search_results_profile_url_check CHECK (profile_url IS NULL OR (instr(profile_url, char(0)) = 0)),
    post_url TEXT CONSTRAINT search_results_post_url_check CHECK (post_url IS NULL OR (instr(post_url, char(0)) = 0)),
    post_description TEXT CONSTRAINT search_results_post_description_check CHECK (post_description IS NULL OR (instr(post_description, char(0)) = 0)),
    avatar_url TEXT CONSTRAINT search_results_avatar_url_check CHECK (avatar_url IS NULL OR (instr(avatar_url, char(0)) = 0)),
    followers INTEGER DEFAULT 0 CONSTRAINT search_results_followers_check CHECK (followers IS NULL OR (followers BETWEEN -2147483648 AND 2147483647)),
    is_verified TEXT DEFAULT 'false' CONSTRAINT search_results_is_verified_check CHECK (is_verified IS NULL OR (length(is_verified) <= 10 AND instr(is_verified, char(0)) = 0)),
    email TEXT CONSTRAINT search_results_email_check CHECK (email IS NULL OR (instr(email, char(0)) = 0)),
    bio TEXT CONSTRAINT search_results_bio_check CHECK (bio IS NULL OR (instr(bio, char(0)) = 0)),
    raw_data TEXT CONSTRAINT search_results_raw_data_check CHECK (raw_data IS NULL OR (json_valid(raw_data) AND instr(raw_data, '\u0000') = 0)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')) CONSTRAINT search_results_created_at_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(created_at)) IS created_at AND created_at >= '0001-01-01')
) STRICT;

CREATE TABLE subscription_plans (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))) CONSTRAINT subscription_plans_id_check CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    plan_key TEXT NOT NULL UNIQUE CONSTRAINT subscription_plans_plan_key_check CHECK (length(plan_key) <= 50 AND instr(plan_key, char(0)) = 0),
    display_name TEXT NOT NULL CONSTRAINT subscription_plans_display_name_check CHECK (instr(display_name, char(0)) = 0),
    description TEXT CONSTRAINT subscription_plans_description_check CHECK (description IS NULL OR (instr(description, char(0)) = 0)),
    monthly_price INTEGER NOT NULL CONSTRAINT subscription_plans_monthly_price_check CHECK (monthly_price BETWEEN -2147483648 AND 2147483647),
    yearly_price INTEGER CONSTRAINT subscription_plans_yearly_price_check CHECK (yearly_price IS NULL OR (yearly_price BETWEEN -2147483648 AND 2147483647)),
    stripe_monthly_price_id TEXT NOT NULL CONSTRAINT subscription_plans_stripe_monthly_price_id_check CHECK (instr(stripe_monthly_price_id, char(0)) = 0),
    stripe_yearly_price_id TEXT CONSTRAINT subscription_plans_stripe_yearly_price_id_check CHECK (stripe_yearly_price_id IS NULL OR (instr(stripe_yearly_price_id, char(0)) = 0)),
    campaigns_limit INTEGER NOT NULL CONSTRAINT subscription_plans_campaigns_limit_check CHECK (campaigns_limit BETWEEN -2147483648 AND 2147483647),
    creators_limit INTEGER NOT NULL CONSTRAINT subscription_plans_creators_limit_check CHECK (creators_limit BETWEEN -2147483648 AND 2147483647),
    features TEXT DEFAULT '{}' CONSTRAINT subscription_plans_features_check CHECK (features IS NULL OR (json_valid(features) AND instr(features, '\u0000') = 0)),
    is_active INTEGER NOT NULL DEFAULT 1 CONSTRAINT subscription_plans_is_active_check CHECK (is_active IN (0, 1)),
    sort_order INTEGER DEFAULT 0 CONSTRAINT subscription_plans_sort_order_check CHECK (sort_order IS NULL OR (sort_order BETWEEN -2147483648 AND 2147483647)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')) CONSTRAINT subscription_plans_created_at_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(created_at)) IS created_at AND created_at >= '0001-01-01'),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')) CONSTRAINT subscription_plans_updated_at_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(updated_at)) IS updated_at AND updated_at >= '0001-01-01')
) STRICT;

CREATE TABLE system_configurations (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))) CONSTRAINT system_configurations_id_check CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    category TEXT NOT NULL CONSTRAINT system_configurations_category_check CHECK (length(category) <= 50 AND instr(category, char(0)) = 0),
    "key" TEXT NOT NULL CONSTRAINT system_configurations_key_check CHECK (length("key") <= 100 AND instr("key", char(0)) = 0),
    value TEXT NOT NULL CONSTRAINT system_configurations_value_check CHECK (instr(value, char(0)) = 0),
    value_type TEXT NOT NULL CONSTRAINT system_configurations_value_type_check CHECK (value_type IN ('number', 'duration', 'boolean') AND length(value_type) <= 20 AND instr(value_type, char(0)) = 0),
    description TEXT CONSTRAINT system_configurations_description_check CHECK (description IS NULL OR (instr(description, char(0)) = 0)),
    is_hot_reloadable TEXT NOT NULL DEFAULT 'true' CONSTRAINT system_configurations_is_hot_reloadable_check CHECK (is_hot_reloadable IN ('true', 'false') AND length(is_hot_reloadable) <= 5 AND instr(is_hot_reloadable, char(0)) = 0),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')) CONSTRAINT system_configurations_created_at_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(created_at)) IS created_at AND created_at >= '0001-01-01'),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')) CONSTRAINT system_configurations_updated_at_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(updated_at)) IS updated_at AND updated_at >= '0001-01-01'),
    CONSTRAINT system_configurations_category_key_unique UNIQUE (category, "key")
) STRICT;

CREATE TABLE events (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))) CONSTRAINT events_id_check CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    aggregate_id TEXT NOT NULL CONSTRAINT events_aggregate_id_check CHECK (instr(aggregate_id, char(0)) = 0),
    aggregate_type TEXT NOT NULL CONSTRAINT events_aggregate_type_check CHECK (length(aggregate_type) <= 50 AND instr(aggregate_type, char(0)) = 0),
    event_type TEXT NOT NULL CONSTRAINT events_event_type_check CHECK (length(event_type) <= 100 AND instr(event_type, char(0)) = 0),
    event_version INTEGER NOT NULL DEFAULT 1 CONSTRAINT events_event_version_check CHECK (event_version BETWEEN -2147483648 AND 2147483647),
    event_data TEXT NOT NULL CONSTRAINT events_event_data_check CHECK (json_valid(event_data) AND instr(event_data, '\u0000') = 0),
    metadata TEXT CONSTRAINT events_metadata_check CHECK (metadata IS NULL OR (json_valid(metadata) AND instr(metadata, '\u0000') = 0)),
    "timestamp" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')) CONSTRAINT events_timestamp_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday("timestamp")) IS "timestamp" AND "timestamp" >= '0001-01-01'),
    processed_at TEXT CONSTRAINT events_processed_at_check CHECK (processed_at IS NULL OR (strftime('%Y-%m-%d %H:%M:%f', julianday(processed_at)) IS processed_at AND processed_at >= '0001-01-01')),
    processing_status TEXT NOT NULL DEFAULT 'pending' CONSTRAINT events_processing_status_check CHECK (processing_status IN ('pending', 'processing', 'processed', 'failed') AND length(processing_status) <= 20 AND instr(processing_status, char(0)) = 0),
    retry_count INTEGER NOT NULL DEFAULT 0 CONSTRAINT events_retry_count_check CHECK (retry_count BETWEEN -2147483648 AND 2147483647),
    error TEXT CONSTRAINT events_error_check CHECK (error IS NULL OR (instr(error, char(0)) = 0)),
    idempotency_key TEXT NOT NULL UNIQUE CONSTRAINT events_idempotency_key_check CHECK (instr(idempotency_key, char(0)) = 0),
    source_system TEXT NOT NULL CONSTRAINT events_source_system_check CHECK (length(source_system) <= 50 AND instr(source_system, char(0)) = 0),
    correlation_id TEXT CONSTRAINT events_correlation_id_check CHECK (correlation_id IS NULL OR (instr(correlation_id, char(0)) = 0)),
    causation_id TEXT CONSTRAINT events_causation_id_check CHECK (causation_id IS NULL OR (instr(causation_id, char(0)) = 0))
) STRICT;

CREATE TABLE background_jobs (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))) CONSTRAINT background_jobs_id_check CHECK (id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    job_type TEXT NOT NULL CONSTRAINT background_jobs_job_type_check CHECK (length(job_type) <= 100 AND instr(job_type, char(0)) = 0),
    payload TEXT NOT NULL CONSTRAINT background_jobs_payload_check CHECK (json_valid(payload) AND instr(payload, '\u0000') = 0),
    status TEXT NOT NULL DEFAULT 'pending' CONSTRAINT background_jobs_status_check CHECK (status IN ('pending', 'processing', 'completed', 'failed', 'cancelled') AND length(status) <= 20 AND instr(status, char(0)) = 0),
    qstash_message_id TEXT CONSTRAINT background_jobs_qstash_message_id_check CHECK (qstash_message_id IS NULL OR (instr(qstash_message_id, char(0)) = 0)),
    priority INTEGER NOT NULL DEFAULT 100 CONSTRAINT background_jobs_priority_check CHECK (priority BETWEEN -2147483648 AND 2147483647),
    max_retries INTEGER NOT NULL DEFAULT 3 CONSTRAINT background_jobs_max_retries_check CHECK (max_retries BETWEEN -2147483648 AND 2147483647),
    retry_count INTEGER NOT NULL DEFAULT 0 CONSTRAINT background_jobs_retry_count_check CHECK (retry_count BETWEEN -2147483648 AND 2147483647),
    scheduled_for TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')) CONSTRAINT background_jobs_scheduled_for_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(scheduled_for)) IS scheduled_for AND scheduled_for >= '0001-01-01'),
    started_at TEXT CONSTRAINT background_jobs_started_at_check CHECK (started_at IS NULL OR (strftime('%Y-%m-%d %H:%M:%f', julianday(started_at)) IS started_at AND started_at >= '0001-01-01')),
    completed_at TEXT CONSTRAINT background_jobs_completed_at_check CHECK (completed_at IS NULL OR (strftime('%Y-%m-%d %H:%M:%f', julianday(completed_at)) IS completed_at AND completed_at >= '0001-01-01')),
    failed_at TEXT CONSTRAINT background_jobs_failed_at_check CHECK (failed_at IS NULL OR (strftime('%Y-%m-%d %H:%M:%f', julianday(failed_at)) IS failed_at AND failed_at >= '0001-01-01')),
    error TEXT CONSTRAINT background_jobs_error_check CHECK (error IS NULL OR (instr(error, char(0)) = 0)),
    result TEXT CONSTRAINT background_jobs_result_check CHECK (result IS NULL OR (json_valid(result) AND instr(result, '\u0000') = 0)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')) CONSTRAINT background_jobs_created_at_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(created_at)) IS created_at AND created_at >= '0001-01-01'),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')) CONSTRAINT background_jobs_updated_at_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(updated_at)) IS updated_at AND updated_at >= '0001-01-01')
) STRICT;

-- user_profiles: the platform's indexes. The trigram ones are FTS5 (0002); the one on trial_status
-- alone is left to PostgreSQL: here it would win over the trial_info index the seed query wants.
CREATE INDEX idx_user_profiles_trial_dates ON user_profiles (trial_start_date, trial_end_date);
CREATE INDEX idx_user_profiles_stripe_customer_id ON user_profiles (stripe_customer_id);
CREATE INDEX idx_user_profiles_admin_search ON user_profiles (created_at DESC, onboarding_step, trial_status);
CREATE INDEX idx_user_profiles_trial_info ON user_profiles (trial_status, trial_start_date, trial_end_date) WHERE trial_status <> 'pending';
CREATE INDEX idx_user_profiles_is_admin ON user_profiles (is_admin) WHERE is_admin = 1;
CREATE INDEX idx_user_profiles_admin_lookup ON user_profiles (is_admin, full_name, email, updated_at);
CREATE INDEX idx_user_profiles_current_plan ON user_profiles (current_plan);
CREATE INDEX idx_user_profiles_subscription_status ON user_profiles (subscription_status);
CREATE INDEX idx_user_profiles_stripe_subscription_id ON user_profiles (stripe_subscription_id);

-- campaigns, scraping jobs and results
CREATE INDEX idx_campaigns_user_created ON campaigns (user_id, created_at DESC);
CREATE INDEX idx_scraping_jobs_status_created ON scraping_jobs (status, created_at DESC);
CREATE INDEX idx_scraping_jobs_user_created ON scraping_jobs (user_id, created_at DESC);
CREATE INDEX idx_scraping_jobs_campaign_id ON scraping_jobs (campaign_id);
CREATE INDEX idx_scraping_results_job_id ON scraping_results (job_id);
CREATE INDEX idx_search_jobs_campaign_id ON search_jobs (campaign_id);
CREATE INDEX idx_search_results_job_id ON search_results (job_id);

-- events
CREATE INDEX idx_events_aggregate_type_timestamp ON events (aggregate_id, aggregate_type, "timestamp" DESC);
CREATE INDEX idx_events_processing_pending ON events (processing_status, "timestamp") WHERE processing_status = 'pending';
CREATE INDEX idx_events_event_type ON events (event_type);
CREATE INDEX idx_events_timestamp ON events ("timestamp" DESC);
CREATE INDEX idx_events_correlation_id ON events (correlation_id);

-- background_jobs
CREATE INDEX idx_background_jobs_status ON background_jobs (status);
CREATE INDEX idx_background_jobs_job_type ON background_jobs (job_type);
CREATE INDEX idx_background_jobs_pending ON background_jobs (status, priority, scheduled_for) WHERE status = 'pending';
CREATE INDEX idx_background_jobs_processing ON background_jobs (status, started_at) WHERE status = 'processing';

-- updated_at stays fresh unless a write sets it itself (imports, injected clocks).
CREATE TRIGGER user_profiles_updated_at AFTER UPDATE ON user_profiles FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE user_profiles SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER campaigns_updated_at AFTER UPDATE ON campaigns FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE campaigns SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER scraping_jobs_updated_at AFTER UPDATE ON scraping_jobs FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE scraping_jobs SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER search_jobs_updated_at AFTER UPDATE ON search_jobs FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE search_jobs SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER subscription_plans_updated_at AFTER UPDATE ON subscription_plans FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE subscription_plans SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER system_configurations_updated_at AFTER UPDATE ON system_configurations FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE system_configurations SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER background_jobs_updated_at AFTER UPDATE ON background_jobs FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE background_jobs SET updated_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE rowid = NEW.rowid;
END;
