-- 0012: where a `reach serve` on this file listens (Reach's own state, never exported), so that
-- `reach stripe|clerk trigger` find it without --url. One row at most: the latest server to start;
-- its pid tells whether it still runs.
CREATE TABLE reach_listener (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    url TEXT NOT NULL,
    pid INTEGER NOT NULL,
    started_at TEXT NOT NULL CONSTRAINT reach_listener_started_at_check CHECK (strftime('%Y-%m-%d %H:%M:%f', julianday(started_at)) IS started_at AND started_at >= '0001-01-01')
) STRICT;
