-- EcoDrive schema version 4 (SQLite): indexes shaped for the KPIs aggregated in SQL.
-- New orders count each (status, bucket) pair with one range search: no sort of the period's orders.
CREATE INDEX ix_order_views_status_submitted_at ON order_views (status, submitted_at);

-- Conversion and revenue group by leading columns with few distinct values: with statistics (PRAGMA optimize, run at
-- start-up) SQLite skip-scans these indexes, one range search per group, and reads the groups already in order.
CREATE INDEX ix_leads_cohort ON leads (source, owner_id, campaign_id, created_at, won_at, lost_at);
CREATE INDEX ix_invoice_lines_segment ON invoice_lines (segment, currency, issued_at, net_e4);
CREATE INDEX ix_credit_note_lines_segment ON credit_note_lines (segment, currency, issued_at, net_e4);
