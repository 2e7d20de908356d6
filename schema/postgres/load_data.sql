-- Reach's data-only export, its last step: the rows staged above (temporary tables
-- reach_stage_<table>, every column text) go into the platform's tables as the target database
-- has them: a database the platform's migrations made, or one Reach's full export made.
--
-- - Only the columns both have are written, each cast to the target's type; Reach's own columns
--   (the queue's lease, a page's cursor) stay behind where the target has none. A column the
--   target requires (NOT NULL, no default) that the file cannot fill is refused by name.
-- - Timestamps are UTC in the file: a timestamptz column gets the same instant, whatever the
--   session's TimeZone.
-- - Plans and configuration merge on their unique keys (the file's rows win, the target's other
--   rows stay); every other table is loaded as it is, and a key that exists already is refused,
--   unless the export was asked to --replace: then the eight data tables are emptied first.
-- - It runs inside the export's one transaction: all or nothing, and an error names the table
--   it was loading beside PostgreSQL's own words.
DO $reach$
DECLARE
    tables constant text[] := ARRAY[
        'user_profiles', 'campaigns', 'scraping_jobs', 'scraping_results', 'search_jobs', 'search_results',
        'subscription_plans', 'system_configurations', 'events', 'background_jobs'];
    merged constant text[] := ARRAY['subscription_plans', 'system_configurations'];
    emptied text;
    t text;
    stage regclass;
    target regclass;
    missing text;
    columns text;
    sources text;
    problem text;
    detail text;
BEGIN
    FOREACH t IN ARRAY tables LOOP
        IF to_regclass('pg_temp.reach_stage_' || t) IS NOT NULL AND to_regclass(format('public.%I', t)) IS NULL THEN
            RAISE EXCEPTION 'the target database has no table public.%', t
                USING HINT = 'Create the platform''s schema first (its migrations, or reach export postgres --schema-only).';
        END IF;
    END LOOP;

    IF (SELECT replace FROM pg_temp.reach_load_options) THEN
        SELECT string_agg(format('public.%I', name), ', ') INTO emptied
          FROM unnest(tables) AS name
         WHERE NOT name = ANY (merged) AND to_regclass(format('public.%I', name)) IS NOT NULL;
        EXECUTE 'TRUNCATE ' || emptied;
    END IF;

    FOREACH t IN ARRAY tables LOOP
        stage := to_regclass('pg_temp.reach_stage_' || t);
        CONTINUE WHEN stage IS NULL;
        target := to_regclass(format('public.%I', t));

        SELECT string_agg(a.attname, ', ' ORDER BY a.attnum) INTO missing
          FROM pg_attribute a
         WHERE a.attrelid = target AND a.attnum > 0 AND NOT a.attisdropped
           AND a.attnotnull AND NOT a.atthasdef AND a.attidentity = '' AND a.attgenerated = ''
           AND NOT EXISTS (SELECT 1 FROM pg_attribute s
                            WHERE s.attrelid = stage AND s.attname = a.attname AND NOT s.attisdropped);
        IF missing IS NOT NULL THEN
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s)', stage) INTO problem;
            IF problem::boolean THEN
                RAISE EXCEPTION 'loading table %: the target database requires column % (NOT NULL, no default), which the file cannot fill',
                    t, missing;
            END IF;
        END IF;

        SELECT string_agg(format('%I', a.attname), ', ' ORDER BY a.attnum),
               string_agg(CASE
                   WHEN a.atttypid = 'timestamptz'::regtype THEN format('(s.%I::timestamp AT TIME ZONE ''UTC'')', a.attname)
                   WHEN a.atttypid IN ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype) THEN format('s.%I', a.attname)
                   ELSE format('s.%I::%s', a.attname, format_type(a.atttypid, a.atttypmod))
               END, ', ' ORDER BY a.attnum)
          INTO columns, sources
          FROM pg_attribute a
          JOIN pg_attribute s ON s.attrelid = stage AND s.attname = a.attname AND NOT s.attisdropped
         WHERE a.attrelid = target AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '';

        BEGIN
            IF t = 'system_configurations' THEN
                EXECUTE format('DELETE FROM %s d USING %s s WHERE (d.category = s.category AND d."key" = s."key") OR d.id::text = s.id',
                               target, stage);
            ELSIF t = 'subscription_plans' THEN
                EXECUTE format('DELETE FROM %s d USING %s s WHERE d.plan_key = s.plan_key OR d.id::text = s.id', target, stage);
            END IF;
            EXECUTE format('INSERT INTO %s (%s) SELECT %s FROM %s s', target, columns, sources, stage);
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS problem = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL;
            IF SQLSTATE = '23505' THEN
                RAISE EXCEPTION 'loading table %: %', t, problem USING ERRCODE = SQLSTATE, DETAIL = detail,
                    HINT = 'The target already holds this key: load into an empty database, or pass --replace to empty the platform''s tables first.';
            END IF;
            RAISE EXCEPTION 'loading table %: %', t, problem USING ERRCODE = SQLSTATE, DETAIL = detail;
        END;
        EXECUTE format('ANALYZE %s', target);
    END LOOP;
END
$reach$;
