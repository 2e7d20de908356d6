-- 0004: Reach's own state, never exported.

-- Secrets of this file: the local token signing key, and webhook secrets when the environment
-- gives none, so that `reach stripe|clerk trigger` and a running server agree.
CREATE TABLE reach_secrets (
    name TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

-- Recurring tasks: when each last ran and is next due, so that a restart neither skips nor
-- doubles a run.
CREATE TABLE reach_recurring_tasks (
    name TEXT PRIMARY KEY NOT NULL,
    last_run_at TEXT,
    next_run_at TEXT NOT NULL
) STRICT;
