/** The run and result shapes of B's incentive API the runs screen reads. */
export type RunStatus = 'draft' | 'running' | 'cancelled' | 'failed' | 'computed' | 'superseded' | 'submitted' | 'approved' | 'final';

export interface Run {
  readonly id: string;
  readonly period: string;
  readonly status: RunStatus;
  readonly programs: readonly { readonly id: string; readonly version: number; readonly subjectEntity: string; readonly subjectKey: string }[];
  readonly progress: { readonly done: number; readonly total: number };
  readonly createdAt: string;
  readonly submittedBy?: string | null;
}

export interface RunResult {
  readonly program: string;
  readonly subject: string;
  readonly eligible: boolean;
  /** a decimal string at the program's scale */
  readonly amount: string;
  readonly currency: string;
  readonly inputs?: unknown;
  readonly lines?: unknown;
  readonly explanation?: unknown;
}

/** Which approval step a run in a status can take next (submit, then approve, then finalize). */
export function nextStep(status: RunStatus): 'submit' | 'approve' | 'finalize' | null {
  if (status === 'computed') return 'submit';
  if (status === 'submitted') return 'approve';
  if (status === 'approved') return 'finalize';
  return null;
}

export const isFinished = (status: RunStatus): boolean => status !== 'running' && status !== 'draft';
