-- EcoDrive schema version 1 (PostgreSQL): one table per aggregate, the outbox and the inbox.
-- Every aggregate row holds its id, its version (optimistic concurrency: a write names the version it read) and its
-- JSON snapshot (doc); the other columns are extracted from the snapshot for lookups and indexes.
-- Tables are created in the adapter's schema (the connection's search path).

CREATE TABLE customers (
    id      uuid   NOT NULL PRIMARY KEY,
    version bigint NOT NULL,
    doc     jsonb  NOT NULL,
    email   text   NULL,   -- normalised e-mail, for duplicate detection
    phone   text   NULL    -- E.164 phone, for duplicate detection
);
CREATE INDEX ix_customers_email ON customers (email) WHERE email IS NOT NULL;
CREATE INDEX ix_customers_phone ON customers (phone) WHERE phone IS NOT NULL;

CREATE TABLE leads (
    id         uuid        NOT NULL PRIMARY KEY,
    version    bigint      NOT NULL,
    doc        jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    stage      text        NOT NULL,
    won_at     timestamptz NULL,
    lost_at    timestamptz NULL,
    source     text        NOT NULL,
    owner_id   uuid        NULL
);
-- The conversion KPI's cohort: leads by creation time, covering the columns it reads.
CREATE INDEX ix_leads_created_at ON leads (created_at) INCLUDE (id, won_at, lost_at, source, owner_id);

CREATE TABLE order_views (
    id             uuid        NOT NULL PRIMARY KEY,
    version        bigint      NOT NULL,
    doc            jsonb       NOT NULL,
    submitted_at   timestamptz NOT NULL,
    status         text        NOT NULL,
    customer_id    uuid        NOT NULL,
    salesperson_id uuid        NOT NULL
);
-- The new-orders KPI: orders by submission time, covering the columns it reads.
CREATE INDEX ix_order_views_submitted_at ON order_views (submitted_at) INCLUDE (id, status, salesperson_id);
CREATE INDEX ix_order_views_customer ON order_views (customer_id);

CREATE TABLE products (
    id      uuid   NOT NULL PRIMARY KEY,
    version bigint NOT NULL,
    doc     jsonb  NOT NULL,
    segment text   NOT NULL
);

-- id is the product's id. The CHECK is the last line of defence of "never negative, never oversold".
CREATE TABLE stock_items (
    id       uuid    NOT NULL PRIMARY KEY,
    version  bigint  NOT NULL,
    doc      jsonb   NOT NULL,
    on_hand  integer NOT NULL,
    reserved integer NOT NULL,
    CONSTRAINT ck_stock_items_quantities CHECK (on_hand >= 0 AND reserved >= 0 AND reserved <= on_hand)
);

CREATE TABLE orders (
    id           uuid        NOT NULL PRIMARY KEY,
    version      bigint      NOT NULL,
    doc          jsonb       NOT NULL,
    status       text        NOT NULL,
    customer_id  uuid        NOT NULL,
    submitted_at timestamptz NOT NULL
);
CREATE INDEX ix_orders_status ON orders (status, submitted_at);
CREATE INDEX ix_orders_customer ON orders (customer_id);

CREATE TABLE invoices (
    id        uuid        NOT NULL PRIMARY KEY,
    version   bigint      NOT NULL,
    doc       jsonb       NOT NULL,
    order_id  uuid        NOT NULL,
    series    text        NOT NULL,
    year      integer     NOT NULL,
    sequence  bigint      NOT NULL,
    issued_at timestamptz NOT NULL,
    -- No number is ever given twice, whatever the application does.
    CONSTRAINT uq_invoices_number UNIQUE (series, year, sequence)
);
CREATE INDEX ix_invoices_order ON invoices (order_id);
CREATE INDEX ix_invoices_issued_at ON invoices (issued_at);

-- The last number given per series and year; the issuing transaction's UPDATE … RETURNING holds the row lock to commit.
CREATE TABLE invoice_counters (
    series        text    NOT NULL,
    year          integer NOT NULL,
    last_sequence bigint  NOT NULL,
    PRIMARY KEY (series, year)
);

-- Messages committed with the change that caused them, delivered by the dispatcher, deleted once delivered.
CREATE TABLE outbox (
    position        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id      uuid        NOT NULL UNIQUE,
    type            text        NOT NULL,
    payload         jsonb       NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NULL,
    last_error      text        NULL
);

-- Messages whose effects are committed; the primary key refuses a second commit of the same message.
CREATE TABLE inbox (
    message_id   uuid        NOT NULL PRIMARY KEY,
    processed_at timestamptz NOT NULL
);
