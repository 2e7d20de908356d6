-- 0002: search, with FTS5 trigram indexes in place of pg_trgm.
--
-- Reach-internal objects are prefixed reach_ and never exported; an import rebuilds them,
-- because the triggers below fire on every insert.

-- Admin user search: the meaning of ILIKE '%q%' over names, e-mail, business and company names.
-- External content: the text lives in user_profiles only; the index holds trigrams.
CREATE VIRTUAL TABLE reach_user_search USING fts5(
    full_name, name, email, business_name, company_name,
    content = 'user_profiles', tokenize = 'trigram'
);

CREATE TRIGGER reach_user_search_insert AFTER INSERT ON user_profiles BEGIN
    INSERT INTO reach_user_search (rowid, full_name, name, email, business_name, company_name)
    VALUES (NEW.rowid, NEW.full_name, NEW.name, NEW.email, NEW.business_name, NEW.company_name);
END;

CREATE TRIGGER reach_user_search_delete AFTER DELETE ON user_profiles BEGIN
    INSERT INTO reach_user_search (reach_user_search, rowid, full_name, name, email, business_name, company_name)
    VALUES ('delete', OLD.rowid, OLD.full_name, OLD.name, OLD.email, OLD.business_name, OLD.company_name);
END;

CREATE TRIGGER reach_user_search_update
AFTER UPDATE OF full_name, name, email, business_name, company_name ON user_profiles BEGIN
    INSERT INTO reach_user_search (reach_user_search, rowid, full_name, name, email, business_name, company_name)
    VALUES ('delete', OLD.rowid, OLD.full_name, OLD.name, OLD.email, OLD.business_name, OLD.company_name);
    INSERT INTO reach_user_search (rowid, full_name, name, email, business_name, company_name)
    VALUES (NEW.rowid, NEW.full_name, NEW.name, NEW.email, NEW.business_name, NEW.company_name);
END;

-- Creator search. Every creator item of scraping_results.creators, in either shape the platform
-- stores (keyword items {creator:{...}, video, platform} and flat similar items {username, ...}),
-- read in one place: this view. A creator's identity is (platform, handle), the handle being
-- creator.uniqueId, else username, else handle, else YouTube's channelId, lower-cased without '@'.
CREATE VIEW reach_creator_items AS
SELECT
    r.id AS result_id,
    CAST(e.key AS INTEGER) AS position,
    r.job_id AS job_id,
    j.user_id AS user_id,
    j.campaign_id AS campaign_id,
    r.created_at AS seen_at,
    CASE lower(coalesce(e.value ->> '$.platform', j.platform))
        WHEN 'tiktok' THEN 'TikTok'
        WHEN 'instagram' THEN 'Instagram'
        WHEN 'youtube' THEN 'YouTube'
        ELSE j.platform
    END AS platform,
    lower(ltrim(trim(coalesce(
        e.value ->> '$.creator.uniqueId', e.value ->> '$.creator.username',
        e.value ->> '$.creator.handle', e.value ->> '$.creator.channelId',
        e.value ->> '$.uniqueId', e.value ->> '$.username',
        e.value ->> '$.handle', e.value ->> '$.channelId', ''
    )), '@')) AS handle,
    coalesce(e.value ->> '$.creator.name', e.value ->> '$.full_name', e.value ->> '$.name') AS name,
    coalesce(e.value ->> '$.creator.bio', e.value ->> '$.bio') AS bio,
    CAST(coalesce(
        e.value ->> '$.creator.followers', e.value ->> '$.creator.subscriberCount',
        e.value ->> '$.followers_count', e.value ->> '$.followerCount',
        e.value ->> '$.subscriberCount', e.value ->> '$.followers', 0
    ) AS INTEGER) AS followers,
    coalesce(e.value ->> '$.creator.verified', e.value ->> '$.is_verified', e.value ->> '$.verified', 0) IN (1, 'true')
        AS verified,
    CASE WHEN json_type(coalesce(e.value -> '$.creator.emails', e.value -> '$.emails')) = 'array'
        THEN coalesce(e.value -> '$.creator.emails', e.value -> '$.emails')
        ELSE '[]'
    END AS emails,
    coalesce(e.value ->> '$.creator.avatarUrl', e.value ->> '$.profile_pic_url', e.value ->> '$.avatarUrl')
        AS avatar_url,
    coalesce(e.value ->> '$.profileUrl', e.value ->> '$.creator.profileUrl') AS profile_url
FROM scraping_results r
JOIN scraping_jobs j ON j.id = r.job_id
JOIN json_each(CASE WHEN json_type(r.creators) = 'array' THEN r.creators ELSE '[]' END) e
WHERE e.type = 'object';

-- Where each creator was found: one row per item, so that deleting results can be followed.
CREATE TABLE reach_creator_sightings (
    id INTEGER PRIMARY KEY,
    result_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    campaign_id TEXT,
    platform TEXT NOT NULL,
    handle TEXT NOT NULL,
    seen_at TEXT NOT NULL
) STRICT;
CREATE INDEX reach_creator_sightings_result ON reach_creator_sightings (result_id);
CREATE INDEX reach_creator_sightings_creator ON reach_creator_sightings (user_id, platform, handle, seen_at);
CREATE INDEX reach_creator_sightings_campaign ON reach_creator_sightings (campaign_id, platform, handle);

-- Each user's creators, de-duplicated: the latest sighting (result_id, position) supplies the fields.
CREATE TABLE reach_creators (
    id INTEGER PRIMARY KEY,
    user_id TEXT NOT NULL,
    platform TEXT NOT NULL,
    handle TEXT NOT NULL,
    name TEXT,
    bio TEXT,
    followers INTEGER NOT NULL,
    verified INTEGER NOT NULL,
    emails TEXT NOT NULL,
    has_email INTEGER GENERATED ALWAYS AS (json_array_length(emails) > 0) VIRTUAL,
    avatar_url TEXT,
    profile_url TEXT,
    result_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    last_seen_at TEXT NOT NULL,
    UNIQUE (user_id, platform, handle)
) STRICT;
CREATE INDEX reach_creators_user_followers ON reach_creators (user_id, followers DESC);
CREATE INDEX reach_creators_user_seen ON reach_creators (user_id, last_seen_at DESC);
CREATE INDEX reach_creators_followers ON reach_creators (followers DESC);
CREATE INDEX reach_creators_result ON reach_creators (result_id);

CREATE VIRTUAL TABLE reach_creator_search USING fts5(
    handle, name, bio,
    content = 'reach_creators', content_rowid = 'id', tokenize = 'trigram'
);

CREATE TRIGGER reach_creator_search_insert AFTER INSERT ON reach_creators BEGIN
    INSERT INTO reach_creator_search (rowid, handle, name, bio) VALUES (NEW.id, NEW.handle, NEW.name, NEW.bio);
END;

CREATE TRIGGER reach_creator_search_delete AFTER DELETE ON reach_creators BEGIN
    INSERT INTO reach_creator_search (reach_creator_search, rowid, handle, name, bio)
    VALUES ('delete', OLD.id, OLD.handle, OLD.name, OLD.bio);
END;

CREATE TRIGGER reach_creator_search_update AFTER UPDATE OF handle, name, bio ON reach_creators BEGIN
    INSERT INTO reach_creator_search (reach_creator_search, rowid, handle, name, bio)
    VALUES ('delete', OLD.id, OLD.handle, OLD.name, OLD.bio);
    INSERT INTO reach_creator_search (rowid, handle, name, bio) VALUES (NEW.id, NEW.handle, NEW.name, NEW.bio);
END;

CREATE TRIGGER reach_creators_index_result AFTER INSERT ON scraping_results BEGIN
    INSERT INTO reach_creator_sightings (result_id, position, user_id, campaign_id, platform, handle, seen_at)
    SELECT result_id, position, user_id, campaign_id, platform, handle, seen_at
    FROM reach_creator_items WHERE result_id = NEW.id AND handle <> '';

    INSERT INTO reach_creators (user_id, platform, handle, name, bio, followers, verified, emails,
                                avatar_url, profile_url, result_id, position, last_seen_at)
    SELECT user_id, platform, handle, name, bio, followers, verified, emails,
           avatar_url, profile_url, result_id, position, seen_at
    FROM reach_creator_items WHERE result_id = NEW.id AND handle <> ''
    ORDER BY position
    ON CONFLICT (user_id, platform, handle) DO UPDATE SET
        name = excluded.name, bio = excluded.bio, followers = excluded.followers,
        verified = excluded.verified, emails = excluded.emails, avatar_url = excluded.avatar_url,
        profile_url = excluded.profile_url, result_id = excluded.result_id,
        position = excluded.position, last_seen_at = excluded.last_seen_at
    WHERE excluded.last_seen_at >= reach_creators.last_seen_at;
END;

CREATE TRIGGER reach_creators_unindex_result AFTER DELETE ON scraping_results BEGIN
    DELETE FROM reach_creator_sightings WHERE result_id = OLD.id;

    -- A creator goes with its last sighting ...
    DELETE FROM reach_creators
    WHERE result_id = OLD.id
      AND NOT EXISTS (
          SELECT 1 FROM reach_creator_sightings s
          WHERE s.user_id = reach_creators.user_id
            AND s.platform = reach_creators.platform
            AND s.handle = reach_creators.handle);

    -- ... otherwise its latest remaining sighting supplies its fields.
    UPDATE reach_creators
    SET (name, bio, followers, verified, emails, avatar_url, profile_url, result_id, position, last_seen_at) = (
        SELECT i.name, i.bio, i.followers, i.verified, i.emails, i.avatar_url, i.profile_url,
               i.result_id, i.position, i.seen_at
        FROM reach_creator_sightings s
        JOIN reach_creator_items i ON i.result_id = s.result_id AND i.position = s.position
        WHERE s.user_id = reach_creators.user_id
          AND s.platform = reach_creators.platform
          AND s.handle = reach_creators.handle
        ORDER BY s.seen_at DESC, s.id DESC
        LIMIT 1)
    WHERE result_id = OLD.id;
END;

-- The index reads creators once, when a result is written: results are append-only.
CREATE TRIGGER reach_scraping_results_append_only BEFORE UPDATE OF creators, job_id ON scraping_results BEGIN
    SELECT RAISE(ABORT, 'scraping_results are append-only: delete the row and insert a new one');
END;
