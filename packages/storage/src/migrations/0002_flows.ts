/**
 * Flow runtime tables: instances (state JSONB with a revision for optimistic concurrency, the
 * flow version they started with), their tasks as rows (for inboxes and overdue lists, kept in
 * step with the state by the server), idempotency keys (one result per actor and key), and the
 * in-app inbox. Users get a manager (approval escalation and `owner_manager` assignees). Timers
 * and outbox effects are jobs (see the jobs migration).
 */
export const flows = `
ALTER TABLE users ADD COLUMN manager uuid REFERENCES users(id) ON DELETE SET NULL;

CREATE TABLE flow_instances (
  id uuid PRIMARY KEY,
  app text NOT NULL REFERENCES apps(id),
  flow_id text NOT NULL,
  flow_version integer NOT NULL CHECK (flow_version > 0),
  entity text NOT NULL,
  record_id uuid REFERENCES records(id) ON DELETE SET NULL,
  status text NOT NULL,
  outcome text,
  state jsonb NOT NULL,
  created_records jsonb NOT NULL DEFAULT '{}'::jsonb,
  revision integer NOT NULL CHECK (revision > 0),
  started_by text NOT NULL,
  started_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  ended_at timestamptz,
  due_at timestamptz
);
CREATE INDEX flow_instances_flow_idx ON flow_instances (app, flow_id, status, started_at, id);
CREATE INDEX flow_instances_record_idx ON flow_instances (record_id) WHERE status = 'running';
CREATE INDEX flow_instances_due_idx ON flow_instances (app, due_at) WHERE status = 'running';

CREATE TABLE flow_tasks (
  id text PRIMARY KEY,
  instance_id uuid NOT NULL REFERENCES flow_instances(id) ON DELETE CASCADE,
  app text NOT NULL,
  flow_id text NOT NULL,
  node text NOT NULL,
  label jsonb NOT NULL,
  kind text NOT NULL,
  status text NOT NULL,
  outcome text,
  assignees text[] NOT NULL,
  entity text NOT NULL,
  record_id uuid,
  opened_at timestamptz NOT NULL,
  closed_at timestamptz,
  remind_at timestamptz,
  due_at timestamptz
);
CREATE INDEX flow_tasks_assignees_idx ON flow_tasks USING gin (assignees);
CREATE INDEX flow_tasks_instance_idx ON flow_tasks (instance_id);
CREATE INDEX flow_tasks_open_idx ON flow_tasks (app, status, opened_at, id);

CREATE TABLE idempotency_keys (
  actor text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (actor, key)
);

CREATE TABLE inbox_messages (
  id uuid PRIMARY KEY,
  delivery_id text NOT NULL,
  recipient text NOT NULL,
  app text NOT NULL,
  instance_id uuid REFERENCES flow_instances(id) ON DELETE CASCADE,
  task_id text,
  reason text NOT NULL,
  subject jsonb,
  message jsonb,
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  UNIQUE (delivery_id, recipient)
);
CREATE INDEX inbox_messages_recipient_idx ON inbox_messages (recipient, created_at, id);
`;
