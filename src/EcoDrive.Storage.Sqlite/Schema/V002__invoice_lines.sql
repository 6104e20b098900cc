-- EcoDrive schema version 2 (SQLite): invoice lines as rows, for the revenue KPI.
-- One row per line of every invoice, rewritten with the invoice; net_e4 is the line's net amount (VAT excluded) in
-- ten-thousandths of its currency unit, exact for every ISO 4217 currency and summable by SQL.
CREATE TABLE invoice_lines (
    owner_id  TEXT    NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    line_no   INTEGER NOT NULL,
    issued_at INTEGER NOT NULL,
    segment   TEXT    NOT NULL,
    currency  TEXT    NOT NULL,
    net_e4    INTEGER NOT NULL,
    PRIMARY KEY (owner_id, line_no)
) WITHOUT ROWID;

-- Revenue by segment over a period reads this index only.
CREATE INDEX ix_invoice_lines_issued_at ON invoice_lines (issued_at, segment, currency, net_e4);

-- Lines of the invoices issued before this version, from their documents.
INSERT INTO invoice_lines (owner_id, line_no, issued_at, segment, currency, net_e4)
SELECT i.id,
       CAST(l.key AS INTEGER),
       i.issued_at,
       json_extract(l.value, '$.segment'),
       json_extract(l.value, '$.net.currency'),
       CAST(ROUND(CAST(json_extract(l.value, '$.net.amount') AS REAL) * 10000) AS INTEGER)
FROM invoices AS i, json_each(i.doc, '$.lines') AS l;
