-- 0005: what the in-process scheduler adds to the platform's tables (exported too).

-- A running job holds a lease; when it expires (or its process is gone) the job returns to pending.
ALTER TABLE background_jobs ADD COLUMN lease_expires_at TEXT
    CONSTRAINT background_jobs_lease_expires_at_check CHECK (lease_expires_at IS NULL OR (
        strftime('%Y-%m-%d %H:%M:%f', julianday(lease_expires_at)) IS lease_expires_at
        AND lease_expires_at >= '0001-01-01'));
-- Who holds the lease: host, process id and scheduler instance.
ALTER TABLE background_jobs ADD COLUMN leased_by TEXT
    CONSTRAINT background_jobs_leased_by_check CHECK (leased_by IS NULL OR instr(leased_by, char(0)) = 0);
-- The replacement of QStash's de-duplication id: one job per key, ever (until cleanup removes it).
ALTER TABLE background_jobs ADD COLUMN dedupe_key TEXT
    CONSTRAINT background_jobs_dedupe_key_check CHECK (dedupe_key IS NULL OR instr(dedupe_key, char(0)) = 0);

CREATE UNIQUE INDEX idx_background_jobs_dedupe_key ON background_jobs (dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX idx_background_jobs_lease ON background_jobs (status, lease_expires_at) WHERE status = 'processing';

-- The job cursor a page was fetched at: appending a page is idempotent per job and cursor, so a
-- step re-run after a crash never stores a creator twice. The index also serves lookups by job
-- (PostgreSQL keeps idx_scraping_results_job_id besides).
ALTER TABLE scraping_results ADD COLUMN "cursor" INTEGER
    CONSTRAINT scraping_results_cursor_check CHECK ("cursor" IS NULL OR "cursor" BETWEEN -2147483648 AND 2147483647);
CREATE UNIQUE INDEX idx_scraping_results_job_cursor ON scraping_results (job_id, "cursor");

