-- EcoDrive schema version 4 (PostgreSQL): the index the new-orders KPI counts through when aggregated in SQL.
-- Each (status, bucket) pair is counted by one index-only range scan. Conversion and revenue group with a hash
-- aggregate over the existing covering indexes on creation and issue time.
CREATE INDEX ix_order_views_status_submitted_at ON order_views (status, submitted_at);
