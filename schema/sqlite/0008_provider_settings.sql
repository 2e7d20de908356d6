-- Reach's settings of the live providers (providers.md §1): call timeout, retries, the longest
-- Retry-After honoured, the pace of each provider, secondary calls in flight, Apify's run time.
INSERT INTO system_configurations (category, "key", value, value_type, description) VALUES
    ('providers', 'request_timeout', '30s', 'duration', 'A provider call that takes longer fails'),
    ('providers', 'max_retries', '3', 'number', 'Retries of a call answered 429 or 5xx, or not answered'),
    ('providers', 'retry_after_cap', '60s', 'duration', 'The longest Retry-After honoured; a longer one fails the call'),
    ('providers', 'scrapecreators_interval', '100ms', 'duration', 'Least time between two ScrapeCreators request starts'),
    ('providers', 'rapidapi_interval', '100ms', 'duration', 'Least time between two RapidAPI request starts'),
    ('providers', 'apify_interval', '500ms', 'duration', 'Least time between two Apify request starts'),
    ('providers', 'secondary_concurrency', '4', 'number', 'Profile and channel calls of one page in flight at once'),
    ('providers', 'apify_run_timeout', '120s', 'duration', 'How long an Apify actor run may take');
