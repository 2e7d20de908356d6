-- 0007: local bearer tokens revoked before they expire (Reach's own state, never exported).

-- One token, by its id (`jti`): a dashboard sign-out, or `reach token --revoke TOKEN`. Kept until
-- the token would have expired anyway.
CREATE TABLE reach_revoked_tokens (
    token_id TEXT PRIMARY KEY NOT NULL,
    expires_at TEXT NOT NULL
) STRICT;

-- Every token of a user issued before this instant: `reach token USER --revoke-all`.
CREATE TABLE reach_token_cutoffs (
    user_id TEXT PRIMARY KEY NOT NULL,
    issued_before TEXT NOT NULL
) STRICT;
