/**
 * Incentive runs are approved by a flow of their app (the programs' `approvalFlow`): a run keeps
 * the flow instance that approves it. Deferred, because the run is marked submitted before the
 * instance row is written in the same transaction (an instance may end while it starts). Runs
 * submitted under the former fixed approval steps go back to computed, to be submitted again.
 */
export const incentiveRunApproval = `
ALTER TABLE incentive_runs ADD COLUMN approval_instance uuid REFERENCES flow_instances(id) DEFERRABLE INITIALLY DEFERRED;
CREATE UNIQUE INDEX incentive_runs_approval_idx ON incentive_runs (approval_instance) WHERE approval_instance IS NOT NULL;
UPDATE incentive_runs SET status = 'computed', submitted_by = NULL, submitted_at = NULL WHERE status = 'submitted';
`;
