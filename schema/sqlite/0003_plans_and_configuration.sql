-- 0003: every Reach file starts with the platform's plans and configuration defaults
-- (platform-facts.md). `free` has no row: 0 campaigns, 0 creators. -1 means unlimited.

INSERT INTO subscription_plans
    (plan_key, display_name, description, monthly_price, yearly_price,
     stripe_monthly_price_id, stripe_yearly_price_id, campaigns_limit, creators_limit, features, sort_order)
VALUES
    ('glow_up', 'Glow Up Plan', 'For growing brands discovering their first creators.', 9900, 94800,
     'price_glow_up_monthly', 'price_glow_up_yearly', 3, 1000,
     '{"advancedFiltering":false,"apiAccess":false,"bioExtraction":true,"emailExtraction":true,"exportFormats":["CSV"],"platforms":["TikTok","Instagram","YouTube"],"support":"email"}',
     1),
    ('viral_surge', 'Viral Surge Plan', 'For teams running several campaigns at once.', 24900, 238800,
     'price_viral_surge_monthly', 'price_viral_surge_yearly', 10, 10000,
     '{"advancedFiltering":true,"apiAccess":false,"bioExtraction":true,"emailExtraction":true,"exportFormats":["CSV","Excel"],"platforms":["TikTok","Instagram","YouTube"],"support":"priority"}',
     2),
    ('fame_flex', 'Fame Flex Plan', 'Unlimited campaigns and creators, with API access.', 49900, 478800,
     'price_fame_flex_monthly', 'price_fame_flex_yearly', -1, -1,
     '{"advancedFiltering":true,"apiAccess":true,"bioExtraction":true,"emailExtraction":true,"exportFormats":["CSV","Excel","JSON"],"platforms":["TikTok","Instagram","YouTube"],"support":"dedicated"}',
     3);

INSERT INTO system_configurations (category, "key", value, value_type, description) VALUES
    ('api_limits', 'max_api_calls_tiktok', '50', 'number', 'Provider calls per TikTok keyword search'),
    ('api_limits', 'max_api_calls_youtube', '50', 'number', 'Provider calls per YouTube keyword search'),
    ('api_limits', 'max_api_calls_instagram', '100', 'number', 'Provider calls per Instagram keyword search'),
    ('api_limits', 'max_api_calls_tiktok_similar', '1', 'number', 'Provider calls per TikTok similar search'),
    ('api_limits', 'max_api_calls_youtube_similar', '5', 'number', 'Provider calls per YouTube similar search'),
    ('api_limits', 'max_api_calls_instagram_similar', '5', 'number', 'Provider calls per Instagram similar search'),
    ('qstash_delays', 'tiktok_continuation_delay', '2s', 'duration', 'Pause between TikTok search runs'),
    ('qstash_delays', 'instagram_reels_delay', '30s', 'duration', 'Pause between Instagram reels runs'),
    ('timeouts', 'standard_job_timeout', '60m', 'duration', 'A search not finished after this becomes timeout'),
    ('timeouts', 'instagram_job_timeout', '300s', 'duration', 'Timeout of one Instagram provider call'),
    ('timeouts', 'cleanup_timeout_hours', '24h', 'duration', 'Age at which stuck work is cleaned up'),
    ('polling', 'frontend_status_check_interval', '5000', 'number', 'Milliseconds between the frontend''s job polls'),
    ('polling', 'campaign_status_interval', '3000', 'number', 'Milliseconds between campaign status polls'),
    ('processing', 'batch_size', '5', 'number', 'Items handled per processing batch'),
    ('cleanup', 'completed_jobs_retention_days', '30', 'number', 'Days completed background jobs are kept'),
    ('cleanup', 'error_jobs_retention_days', '7', 'number', 'Days failed background jobs are kept'),
    ('job_processing', 'max_concurrent_jobs', '10', 'number', 'Background jobs run at once'),
    ('job_processing', 'default_retry_delay', '30s', 'duration', 'First retry delay; doubles on each retry'),
    ('job_processing', 'job_timeout', '5m', 'duration', 'Lease of a running background job'),
    ('event_sourcing', 'event_retention_days', '365', 'number', 'Days processed events are kept'),
    ('event_sourcing', 'enable_event_replay', 'true', 'boolean', 'Allow replaying events');
