\restrict abc
SET standard_conforming_strings = on;
CREATE TABLE public.campaigns (id uuid, name text, description text, search_type varchar(20), status varchar(20), created_at timestamp, updated_at timestamp, user_id text);
INSERT INTO "public"."campaigns" VALUES
	('c0000000-0000-4000-8000-000000000001', 'It''s $$ -- /* */', E'tab\there\\\u00e9', 'keyword', 'active', '2026-12-01 08:00:00.654321', '2026-12-01 08:00:00', 'u1'),
	('c0000000-0000-4000-8000-000000000002', 'x', NULL, 'similar', 'draft', '2026-12-01 08:00:00', '2026-12-01 08:00:00', 'u1');
INSERT INTO public.events (id, aggregate_id, aggregate_type, event_type, event_data, "timestamp", processing_status, idempotency_key, source_system) VALUES ('a0000000-0000-4000-8000-000000000001', 'u1', 'user', 'x', '{"a": [1, 2.5]}'::jsonb, '2026-03-29 01:30:00.5+02', 'processed', 'k1', 'test') ON CONFLICT DO NOTHING;
INSERT INTO auth.users (id) VALUES ('9a5e0a54-3c6c-4b43-9a51-6f3f0d0e7a01');
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN RETURN NEW; END; $body$;
\unrestrict abc
