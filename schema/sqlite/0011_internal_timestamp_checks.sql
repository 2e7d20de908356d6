-- 0011: Reach's own tables get the platform tables' timestamp CHECK (a real calendar date, years
-- 0001 to 9999, in the stored form), so that no value outside what the readers read can be
-- written there: a test clock moved to 9999-12-31 once stored a next run in year 10000, and every
-- start of the server then stopped on reading it. SQLite cannot add a CHECK to a table, so each is
-- made anew; a value that would fail the CHECK is mended on the way (a next run becomes due now, a
-- last run unknown, a revocation lasts to the end of time, a clock's lead is capped).
--
-- reach_creators.last_seen_at and reach_creator_sightings.seen_at are not among them: triggers
-- copy them from scraping_results.created_at, which has the CHECK, and making those large tables
-- anew would cost every file a long migration.

CREATE TABLE reach_recurring_tasks_0011 (
    name TEXT PRIMARY KEY NOT NULL,
    last_run_at TEXT CONSTRAINT reach_recurring_tasks_last_run_at_check CHECK (last_run_at IS NULL OR (strftime('%Y-%m-%d %H:%M:%f', julianday(last_run_at)) IS last_run_at AND last_run_at >= '0001-01-01')),
    next_run_at TEXT NOT NULL CONSTRAINT reach_recurring_tasks_next_run_at_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(next_run_at)) IS next_run_at AND next_run_at >= '0001-01-01')
) STRICT;
INSERT INTO reach_recurring_tasks_0011 (name, last_run_at, next_run_at)
SELECT name,
       CASE WHEN strftime('%Y-%m-%d %H:%M:%f', julianday(last_run_at)) IS last_run_at AND last_run_at >= '0001-01-01' THEN last_run_at END,
       CASE WHEN strftime('%Y-%m-%d %H:%M:%f', julianday(next_run_at)) IS next_run_at AND next_run_at >= '0001-01-01' THEN next_run_at
            ELSE strftime('%Y-%m-%d %H:%M:%f', 'now') END
FROM reach_recurring_tasks;
DROP TABLE reach_recurring_tasks;
ALTER TABLE reach_recurring_tasks_0011 RENAME TO reach_recurring_tasks;

CREATE TABLE reach_revoked_tokens_0011 (
    token_id TEXT PRIMARY KEY NOT NULL,
    expires_at TEXT NOT NULL CONSTRAINT reach_revoked_tokens_expires_at_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(expires_at)) IS expires_at AND expires_at >= '0001-01-01')
) STRICT;
INSERT INTO reach_revoked_tokens_0011 (token_id, expires_at)
SELECT token_id,
       CASE WHEN strftime('%Y-%m-%d %H:%M:%f', julianday(expires_at)) IS expires_at AND expires_at >= '0001-01-01' THEN expires_at
            ELSE '9999-12-31 23:59:59.999' END
FROM reach_revoked_tokens;
DROP TABLE reach_revoked_tokens;
ALTER TABLE reach_revoked_tokens_0011 RENAME TO reach_revoked_tokens;

CREATE TABLE reach_token_cutoffs_0011 (
    user_id TEXT PRIMARY KEY NOT NULL,
    issued_before TEXT NOT NULL CONSTRAINT reach_token_cutoffs_issued_before_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(issued_before)) IS issued_before AND issued_before >= '0001-01-01')
) STRICT;
INSERT INTO reach_token_cutoffs_0011 (user_id, issued_before)
SELECT user_id,
       CASE WHEN strftime('%Y-%m-%d %H:%M:%f', julianday(issued_before)) IS issued_before AND issued_before >= '0001-01-01' THEN issued_before
            ELSE '9999-12-31 23:59:59.999' END
FROM reach_token_cutoffs;
DROP TABLE reach_token_cutoffs;
ALTER TABLE reach_token_cutoffs_0011 RENAME TO reach_token_cutoffs;

-- The clock's lead over real time, in milliseconds: at most the span from 1970 to 9999-12-31.
CREATE TABLE reach_test_clock_0011 (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    shift_ms INTEGER NOT NULL CONSTRAINT reach_test_clock_shift_ms_check CHECK (shift_ms BETWEEN 0 AND 253402300799999)
) STRICT;
INSERT INTO reach_test_clock_0011 (id, shift_ms) SELECT id, min(max(shift_ms, 0), 253402300799999) FROM reach_test_clock;
DROP TABLE reach_test_clock;
ALTER TABLE reach_test_clock_0011 RENAME TO reach_test_clock;
