-- 0006: indexes fitted to the queries SQLite runs, measured with the seed's query patterns.
-- IF [NOT] EXISTS: files made by development builds that had these changes in 0001 migrate too.

-- Active trials by end date: the seed's expiring-trials query reads them in order, without a sort.
CREATE INDEX IF NOT EXISTS idx_user_profiles_trial_expiry ON user_profiles (trial_status, trial_end_date);

-- 0005's unique (job_id, cursor) index serves every lookup by job; PostgreSQL keeps both.
DROP INDEX IF EXISTS idx_scraping_results_job_id;

-- background_jobs: every index is written on each claim and completion, so SQLite keeps the few
-- the queue and its admin views read: pending ones in claim order (0001), running ones by lease
-- (0005) and all of them by status, newest first (here). PostgreSQL gets the platform's full set.
DROP INDEX IF EXISTS idx_background_jobs_status;
DROP INDEX IF EXISTS idx_background_jobs_job_type;
DROP INDEX IF EXISTS idx_background_jobs_processing;
CREATE INDEX IF NOT EXISTS idx_background_jobs_status_created ON background_jobs (status, created_at DESC);
