/**
 * Incentive runs: a run computes every subject of a set of programs for one period; its results
 * (one row per program and subject, with the explanation and the inputs) and, for corrections of
 * a final run, adjustment lines. Results of a submitted, approved or final run cannot change: the
 * service refuses first, the triggers below make it hold for any SQL too. The period functions
 * let metric queries keep records whose period id lies inside a window, as the engine does.
 */
/** The statement-level guards of a table of run rows, one per event (transition tables need that). */
function guardTriggers(table: string): string {
  return ([['insert', 'NEW', 'changed_new'], ['update', 'OLD', 'changed_old'], ['delete', 'OLD', 'changed_old']] as const)
    .map(([event, side, name]) => `CREATE TRIGGER ${table}_${event}_guard AFTER ${event.toUpperCase()} ON ${table}
  REFERENCING ${side} TABLE AS ${name} FOR EACH STATEMENT EXECUTE FUNCTION incentive_rows_guard();`)
    .join('\n');
}

export const incentives = `
CREATE TABLE incentive_runs (
  id uuid PRIMARY KEY,
  app text NOT NULL REFERENCES apps(id),
  period text NOT NULL,
  requested_programs text[],
  program_versions jsonb NOT NULL,
  context jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'running', 'cancelled', 'failed', 'computed', 'superseded', 'submitted', 'approved', 'final')),
  progress_done integer NOT NULL DEFAULT 0,
  progress_total integer NOT NULL DEFAULT 0,
  cancel_requested boolean NOT NULL DEFAULT false,
  heartbeat_at timestamptz,
  error jsonb,
  previous_run uuid REFERENCES incentive_runs(id) ON DELETE SET NULL,
  corrects_run uuid REFERENCES incentive_runs(id),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  submitted_by text,
  submitted_at timestamptz,
  approved_by text,
  approved_at timestamptz,
  finalized_by text,
  finalized_at timestamptz
);
CREATE INDEX incentive_runs_period_idx ON incentive_runs (app, period, created_at);

CREATE TABLE incentive_results (
  run_id uuid NOT NULL REFERENCES incentive_runs(id) ON DELETE CASCADE,
  program text NOT NULL,
  program_version integer NOT NULL,
  subject text NOT NULL,
  subject_record uuid,
  eligible boolean NOT NULL,
  amount numeric NOT NULL,
  currency text NOT NULL,
  inputs jsonb NOT NULL,
  lines jsonb NOT NULL,
  explanation jsonb NOT NULL,
  PRIMARY KEY (run_id, program, subject)
);
CREATE INDEX incentive_results_subject_idx ON incentive_results (run_id, subject, program);

CREATE TABLE incentive_adjustments (
  run_id uuid NOT NULL REFERENCES incentive_runs(id) ON DELETE CASCADE,
  corrects_run uuid NOT NULL REFERENCES incentive_runs(id),
  program text NOT NULL,
  subject text NOT NULL,
  paid numeric NOT NULL,
  due numeric NOT NULL,
  amount numeric NOT NULL,
  PRIMARY KEY (run_id, program, subject)
);

CREATE FUNCTION incentive_run_locked(run uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT status IN ('submitted', 'approved', 'final') FROM incentive_runs WHERE id = run
$$;

-- Statement-level (one check per statement, not per row: runs write thousands of rows at once).
CREATE FUNCTION incentive_rows_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE locked uuid;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT run_id INTO locked FROM (SELECT DISTINCT run_id FROM changed_new) c WHERE incentive_run_locked(c.run_id) LIMIT 1;
  ELSE
    SELECT run_id INTO locked FROM (SELECT DISTINCT run_id FROM changed_old) c WHERE incentive_run_locked(c.run_id) LIMIT 1;
  END IF;
  IF locked IS NOT NULL THEN
    RAISE EXCEPTION 'incentive run % is locked', locked USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
${['incentive_results', 'incentive_adjustments'].map(guardTriggers).join('\n')}

CREATE FUNCTION incentive_run_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.status IN ('submitted', 'approved', 'final') THEN
    RAISE EXCEPTION 'incentive run % is locked', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status = 'final' THEN
    RAISE EXCEPTION 'incentive run % is final', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER incentive_runs_guard BEFORE UPDATE OR DELETE ON incentive_runs
  FOR EACH ROW EXECUTE FUNCTION incentive_run_guard();

CREATE FUNCTION incentive_period_first(p text) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN p ~ '^[0-9]{4}$' THEN make_date(substr(p, 1, 4)::int, 1, 1)
    WHEN p ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' THEN make_date(substr(p, 1, 4)::int, substr(p, 6, 2)::int, 1)
    WHEN p ~ '^[0-9]{4}-Q[1-4]$' THEN make_date(substr(p, 1, 4)::int, (substr(p, 7, 1)::int - 1) * 3 + 1, 1)
    WHEN p ~ '^[0-9]{4}-H[12]$' THEN make_date(substr(p, 1, 4)::int, (substr(p, 7, 1)::int - 1) * 6 + 1, 1)
  END
$$;
CREATE FUNCTION incentive_period_last(p text) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT (incentive_period_first(p) + CASE
    WHEN p ~ '^[0-9]{4}$' THEN interval '12 months'
    WHEN p ~ '^[0-9]{4}-[0-9]{2}$' THEN interval '1 month'
    WHEN p ~ '^[0-9]{4}-Q' THEN interval '3 months'
    ELSE interval '6 months' END - interval '1 day')::date
$$;
`;
