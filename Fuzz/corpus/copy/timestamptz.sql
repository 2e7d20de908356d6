COPY public.background_jobs (id, job_type, payload, status, scheduled_for, created_at, updated_at) FROM stdin;
b0000000-0000-4000-8000-000000000001	x	{}	pending	10000-01-01 05:29:59.999+05:30	0001-12-31 19:00:00-05 BC	2026-12-07 20:06:41.42099+00
\.
