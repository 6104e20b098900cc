-- EcoDrive schema version 3 (SQLite): the CRM's interactions, follow-ups, offers and campaigns, the ERP's purchase
-- orders and credit notes, and the columns the new list queries read (filled from the documents already stored).
-- A party is a customer or a lead: party_kind ('customer', 'lead') and party_id.

CREATE TABLE interactions (
    id         TEXT    NOT NULL PRIMARY KEY,
    version    INTEGER NOT NULL,
    doc        TEXT    NOT NULL,
    party_kind TEXT    NOT NULL,
    party_id   TEXT    NOT NULL,
    at         INTEGER NOT NULL
);
CREATE INDEX ix_interactions_party ON interactions (party_id, party_kind, at);

CREATE TABLE follow_ups (
    id          TEXT    NOT NULL PRIMARY KEY,
    version     INTEGER NOT NULL,
    doc         TEXT    NOT NULL,
    party_kind  TEXT    NOT NULL,
    party_id    TEXT    NOT NULL,
    assignee_id TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    due_at      INTEGER NOT NULL
);
-- A salesperson's open follow-ups due before a time: the agenda.
CREATE INDEX ix_follow_ups_agenda ON follow_ups (assignee_id, status, due_at);
CREATE INDEX ix_follow_ups_party ON follow_ups (party_id, party_kind, due_at);

CREATE TABLE offers (
    id          TEXT    NOT NULL PRIMARY KEY,
    version     INTEGER NOT NULL,
    doc         TEXT    NOT NULL,
    party_kind  TEXT    NOT NULL,
    party_id    TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    valid_until INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX ix_offers_party ON offers (party_id, party_kind, created_at);
-- Sent offers past their validity, to expire.
CREATE INDEX ix_offers_status ON offers (status, valid_until);

CREATE TABLE campaigns (
    id      TEXT    NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL,
    doc     TEXT    NOT NULL,
    status  TEXT    NOT NULL
);

CREATE TABLE purchase_orders (
    id         TEXT    NOT NULL PRIMARY KEY,
    version    INTEGER NOT NULL,
    doc        TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX ix_purchase_orders_status ON purchase_orders (status, created_at);

-- Credit notes have their own series (AV) and the same guarantees as invoices.
CREATE TABLE credit_notes (
    id         TEXT    NOT NULL PRIMARY KEY,
    version    INTEGER NOT NULL,
    doc        TEXT    NOT NULL,
    invoice_id TEXT    NOT NULL,
    series     TEXT    NOT NULL,
    year       INTEGER NOT NULL,
    sequence   INTEGER NOT NULL,
    issued_at  INTEGER NOT NULL,
    CONSTRAINT uq_credit_notes_number UNIQUE (series, year, sequence)
);
CREATE INDEX ix_credit_notes_invoice ON credit_notes (invoice_id);

-- Credited lines as rows; the revenue KPI subtracts them at the credit note's issue time.
CREATE TABLE credit_note_lines (
    owner_id  TEXT    NOT NULL REFERENCES credit_notes (id) ON DELETE CASCADE,
    line_no   INTEGER NOT NULL,
    issued_at INTEGER NOT NULL,
    segment   TEXT    NOT NULL,
    currency  TEXT    NOT NULL,
    net_e4    INTEGER NOT NULL,
    PRIMARY KEY (owner_id, line_no)
) WITHOUT ROWID;
CREATE INDEX ix_credit_note_lines_issued_at ON credit_note_lines (issued_at, segment, currency, net_e4);

-- Leads of a campaign.
ALTER TABLE leads ADD COLUMN campaign_id TEXT NULL;
UPDATE leads SET campaign_id = json_extract(doc, '$.source.campaignId');
CREATE INDEX ix_leads_campaign ON leads (campaign_id) WHERE campaign_id IS NOT NULL;
-- The conversion KPI reads the campaign too (conversion by campaign): the cohort index covers it again.
DROP INDEX ix_leads_created_at;
CREATE INDEX ix_leads_created_at ON leads (created_at, id, won_at, lost_at, source, owner_id, campaign_id);

-- A salesperson's orders.
CREATE INDEX ix_order_views_salesperson ON order_views (salesperson_id, submitted_at);

-- Overdue invoices: the due date, as ISO text (yyyy-mm-dd sorts as dates do).
ALTER TABLE invoices ADD COLUMN due_date TEXT NULL;
UPDATE invoices SET due_date = json_extract(doc, '$.dueDate');
CREATE INDEX ix_invoices_due_date ON invoices (due_date);
