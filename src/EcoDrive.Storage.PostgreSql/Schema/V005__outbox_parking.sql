-- EcoDrive schema version 5 (PostgreSQL): a message that failed every allowed attempt is parked, with its last error,
-- until an operator retries or discards it; parked messages are not due.
ALTER TABLE outbox ADD COLUMN parked_at timestamptz NULL;
