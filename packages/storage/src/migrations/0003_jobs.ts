/**
 * Durable jobs: timers and outbox effects that must survive restarts. A job is claimed with
 * `FOR UPDATE SKIP LOCKED` under a lease (`locked_by`, `locked_until`), so several processes on
 * one PostgreSQL never run it twice, and a crashed process's lease runs out and is claimed again.
 * `dedupe_key` makes enqueueing idempotent (one job per key, ever). The delivery log keeps every
 * attempt of every webhook or email, the `delivery_id` being stable across a job's retries.
 */
export const jobs = `
CREATE TABLE jobs (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL,
  run_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL CHECK (max_attempts > 0),
  status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'dead', 'cancelled')),
  last_error text,
  dedupe_key text,
  locked_by text,
  locked_until timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- text_pattern_ops: the same index serves equality (ON CONFLICT) and prefix cancels (LIKE 'x%').
CREATE UNIQUE INDEX jobs_dedupe_key ON jobs (dedupe_key text_pattern_ops) WHERE dedupe_key IS NOT NULL;
-- The claim reads only these two small partial indexes, however many jobs are done.
CREATE INDEX jobs_due ON jobs (run_at) WHERE status = 'queued';
CREATE INDEX jobs_lease ON jobs (locked_until) WHERE status = 'running';

CREATE TABLE delivery_log (
  id uuid PRIMARY KEY,
  delivery_id text NOT NULL,
  job_id uuid REFERENCES jobs(id) ON DELETE SET NULL,
  channel text NOT NULL CHECK (channel IN ('webhook', 'email')),
  target text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('delivered', 'failed', 'skipped')),
  status_code integer,
  attempt integer NOT NULL,
  at timestamptz NOT NULL,
  error text,
  duration_ms integer NOT NULL
);

CREATE INDEX delivery_log_delivery ON delivery_log (delivery_id, at);
CREATE INDEX delivery_log_job ON delivery_log (job_id);
`;
