-- EcoDrive schema version 1 (SQLite): one table per aggregate, the outbox and the inbox.
-- Every aggregate row holds its id, its version (optimistic concurrency: a write names the version it read) and its
-- JSON snapshot (doc); the other columns are extracted from the snapshot for lookups and indexes.
-- Ids are GUID text, instants are microseconds since 1970-01-01 UTC.

CREATE TABLE customers (
    id      TEXT    NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL,
    doc     TEXT    NOT NULL,
    email   TEXT    NULL,   -- normalised e-mail, for duplicate detection
    phone   TEXT    NULL    -- E.164 phone, for duplicate detection
);
CREATE INDEX ix_customers_email ON customers (email) WHERE email IS NOT NULL;
CREATE INDEX ix_customers_phone ON customers (phone) WHERE phone IS NOT NULL;

CREATE TABLE leads (
    id         TEXT    NOT NULL PRIMARY KEY,
    version    INTEGER NOT NULL,
    doc        TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    stage      TEXT    NOT NULL,
    won_at     INTEGER NULL,
    lost_at    INTEGER NULL,
    source     TEXT    NOT NULL,
    owner_id   TEXT    NULL
);
-- The conversion KPI's cohort: leads by creation time, covering the columns it reads.
CREATE INDEX ix_leads_created_at ON leads (created_at, id, won_at, lost_at, source, owner_id);

CREATE TABLE order_views (
    id             TEXT    NOT NULL PRIMARY KEY,
    version        INTEGER NOT NULL,
    doc            TEXT    NOT NULL,
    submitted_at   INTEGER NOT NULL,
    status         TEXT    NOT NULL,
    customer_id    TEXT    NOT NULL,
    salesperson_id TEXT    NOT NULL
);
-- The new-orders KPI: orders by submission time, covering the columns it reads.
CREATE INDEX ix_order_views_submitted_at ON order_views (submitted_at, id, status, salesperson_id);
CREATE INDEX ix_order_views_customer ON order_views (customer_id);

CREATE TABLE products (
    id      TEXT    NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL,
    doc     TEXT    NOT NULL,
    segment TEXT    NOT NULL
);

-- id is the product's id. The CHECK is the last line of defence of "never negative, never oversold".
CREATE TABLE stock_items (
    id       TEXT    NOT NULL PRIMARY KEY,
    version  INTEGER NOT NULL,
    doc      TEXT    NOT NULL,
    on_hand  INTEGER NOT NULL,
    reserved INTEGER NOT NULL,
    CONSTRAINT ck_stock_items_quantities CHECK (on_hand >= 0 AND reserved >= 0 AND reserved <= on_hand)
);

CREATE TABLE orders (
    id           TEXT    NOT NULL PRIMARY KEY,
    version      INTEGER NOT NULL,
    doc          TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    customer_id  TEXT    NOT NULL,
    submitted_at INTEGER NOT NULL
);
CREATE INDEX ix_orders_status ON orders (status, submitted_at);
CREATE INDEX ix_orders_customer ON orders (customer_id);

CREATE TABLE invoices (
    id        TEXT    NOT NULL PRIMARY KEY,
    version   INTEGER NOT NULL,
    doc       TEXT    NOT NULL,
    order_id  TEXT    NOT NULL,
    series    TEXT    NOT NULL,
    year      INTEGER NOT NULL,
    sequence  INTEGER NOT NULL,
    issued_at INTEGER NOT NULL,
    -- No number is ever given twice, whatever the application does.
    CONSTRAINT uq_invoices_number UNIQUE (series, year, sequence)
);
CREATE INDEX ix_invoices_order ON invoices (order_id);
CREATE INDEX ix_invoices_issued_at ON invoices (issued_at);

-- The last number given per series and year, incremented in the issuing transaction (BEGIN IMMEDIATE holds the lock).
CREATE TABLE invoice_counters (
    series        TEXT    NOT NULL,
    year          INTEGER NOT NULL,
    last_sequence INTEGER NOT NULL,
    PRIMARY KEY (series, year)
) WITHOUT ROWID;

-- Messages committed with the change that caused them, delivered by the dispatcher, deleted once delivered.
CREATE TABLE outbox (
    position        INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    message_id      TEXT    NOT NULL UNIQUE,
    type            TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NULL,
    last_error      TEXT    NULL
);

-- Messages whose effects are committed; the primary key refuses a second commit of the same message.
CREATE TABLE inbox (
    message_id   TEXT    NOT NULL PRIMARY KEY,
    processed_at INTEGER NOT NULL
) WITHOUT ROWID;
