-- 0006: indexes and triggers fitted to the work SQLite does, measured with the seed's queries.
-- IF [NOT] EXISTS: files made by development builds that had these changes in 0001 migrate too.

-- Active trials by end date: the seed's expiring-trials query reads them in order, without a sort.
CREATE INDEX IF NOT EXISTS idx_user_profiles_trial_expiry ON user_profiles (trial_status, trial_end_date);

-- Profiles whose usage month has ended, for the monthly reset (SQLite only: it pages through them).
CREATE INDEX IF NOT EXISTS idx_user_profiles_usage_reset ON user_profiles (usage_reset_date)
    WHERE usage_reset_date IS NOT NULL;

-- 0005's unique (job_id, cursor) index serves every lookup by job; PostgreSQL keeps both.
DROP INDEX IF EXISTS idx_scraping_results_job_id;

-- background_jobs: every index is written on each claim and completion, so SQLite keeps the few
-- the queue and its admin views read: pending ones in claim order (0001), running ones by lease
-- (0005) and all of them by status, newest first (here). PostgreSQL gets the platform's full set.
DROP INDEX IF EXISTS idx_background_jobs_status;
DROP INDEX IF EXISTS idx_background_jobs_job_type;
DROP INDEX IF EXISTS idx_background_jobs_processing;
CREATE INDEX IF NOT EXISTS idx_background_jobs_status_created ON background_jobs (status, created_at DESC);

-- The search indexes' update triggers fire only when an indexed field changes: a record written
-- whole (every column in SET) would otherwise rewrite its trigram entries on each save.
DROP TRIGGER IF EXISTS reach_user_search_update;
CREATE TRIGGER reach_user_search_update
AFTER UPDATE OF full_name, name, email, business_name, company_name ON user_profiles
WHEN OLD.full_name IS NOT NEW.full_name OR OLD.name IS NOT NEW.name OR OLD.email IS NOT NEW.email
    OR OLD.business_name IS NOT NEW.business_name OR OLD.company_name IS NOT NEW.company_name
BEGIN
    INSERT INTO reach_user_search (reach_user_search, rowid, full_name, name, email, business_name, company_name)
    VALUES ('delete', OLD.rowid, OLD.full_name, OLD.name, OLD.email, OLD.business_name, OLD.company_name);
    INSERT INTO reach_user_search (rowid, full_name, name, email, business_name, company_name)
    VALUES (NEW.rowid, NEW.full_name, NEW.name, NEW.email, NEW.business_name, NEW.company_name);
END;

DROP TRIGGER IF EXISTS reach_creator_search_update;
CREATE TRIGGER reach_creator_search_update AFTER UPDATE OF handle, name, bio ON reach_creators
WHEN OLD.handle IS NOT NEW.handle OR OLD.name IS NOT NEW.name OR OLD.bio IS NOT NEW.bio
BEGIN
    INSERT INTO reach_creator_search (reach_creator_search, rowid, handle, name, bio)
    VALUES ('delete', OLD.id, OLD.handle, OLD.name, OLD.bio);
    INSERT INTO reach_creator_search (rowid, handle, name, bio) VALUES (NEW.id, NEW.handle, NEW.name, NEW.bio);
END;
