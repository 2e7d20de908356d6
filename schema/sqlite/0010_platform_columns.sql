-- 0010: the columns the platform's production database has beyond the seed document
-- (shared/platform-database.md). Its code selects scraping_jobs.run_id and region in every query
-- of that table; its migrations left user_profiles.clerk_customer_id and clerk_subscription_id,
-- which older rows still hold. Reach carries all four through import and export.

ALTER TABLE scraping_jobs ADD COLUMN run_id TEXT
    CONSTRAINT scraping_jobs_run_id_check CHECK (run_id IS NULL OR (instr(run_id, char(0)) = 0));
ALTER TABLE scraping_jobs ADD COLUMN region TEXT NOT NULL DEFAULT 'US'
    CONSTRAINT scraping_jobs_region_check CHECK (length(region) <= 10 AND instr(region, char(0)) = 0);
ALTER TABLE user_profiles ADD COLUMN clerk_customer_id TEXT
    CONSTRAINT user_profiles_clerk_customer_id_check CHECK (clerk_customer_id IS NULL OR (instr(clerk_customer_id, char(0)) = 0));
ALTER TABLE user_profiles ADD COLUMN clerk_subscription_id TEXT
    CONSTRAINT user_profiles_clerk_subscription_id_check CHECK (clerk_subscription_id IS NULL OR (instr(clerk_subscription_id, char(0)) = 0));
