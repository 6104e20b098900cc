-- EcoDrive schema version 2 (PostgreSQL): invoice lines as rows, for the revenue KPI.
-- One row per line of every invoice, rewritten with the invoice; net_e4 is the line's net amount (VAT excluded) in
-- ten-thousandths of its currency unit, exact for every ISO 4217 currency and summable by SQL.
CREATE TABLE invoice_lines (
    owner_id  uuid        NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    line_no   integer     NOT NULL,
    issued_at timestamptz NOT NULL,
    segment   text        NOT NULL,
    currency  text        NOT NULL,
    net_e4    bigint      NOT NULL,
    PRIMARY KEY (owner_id, line_no)
);

-- Revenue by segment over a period reads this index only.
CREATE INDEX ix_invoice_lines_issued_at ON invoice_lines (issued_at) INCLUDE (segment, currency, net_e4);

-- Lines of the invoices issued before this version, from their documents.
INSERT INTO invoice_lines (owner_id, line_no, issued_at, segment, currency, net_e4)
SELECT i.id,
       l.ordinality - 1,
       i.issued_at,
       l.line ->> 'segment',
       l.line -> 'net' ->> 'currency',
       round((l.line -> 'net' ->> 'amount')::numeric * 10000)::bigint
FROM invoices AS i
CROSS JOIN LATERAL jsonb_array_elements(i.doc -> 'lines') WITH ORDINALITY AS l (line, ordinality);
