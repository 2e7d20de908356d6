-- 0009: how far a test-mode server's clock runs ahead of real time (Reach's own state, never
-- exported). One row at most; none means real time. Kept in the file so that a restart, a snapshot
-- and `reach test clock … --db` all see the same clock.
CREATE TABLE reach_test_clock (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    shift_ms INTEGER NOT NULL CHECK (shift_ms >= 0)
) STRICT;
