import type { JsonValue } from '@trellis/storage';

export type RunStatus = 'draft' | 'running' | 'cancelled' | 'failed' | 'computed' | 'superseded' | 'submitted' | 'approved' | 'final';

/** A program of a run: the version used and what its results read (for access checks). */
export interface RunProgramRef {
  readonly id: string;
  readonly version: number;
  readonly subjectEntity: string;
  readonly subjectKey: string;
}

export interface IncentiveRun {
  readonly id: string;
  readonly app: string;
  readonly period: string;
  /** the programs asked for; null: every program in force */
  readonly requestedPrograms: string[] | null;
  readonly programs: RunProgramRef[];
  readonly context: Record<string, JsonValue>;
  readonly status: RunStatus;
  readonly progress: { readonly done: number; readonly total: number };
  readonly error: JsonValue | null;
  /** the run this one is compared with (the draft it replaced, or the final run it corrects) */
  readonly previousRun: string | null;
  /** the final run whose payouts this one corrects with adjustment lines */
  readonly correctsRun: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly submittedBy: string | null;
  readonly submittedAt: string | null;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  readonly finalizedBy: string | null;
  readonly finalizedAt: string | null;
  /** the flow instance approving it (the latest, when it was submitted more than once) */
  readonly approvalInstance: string | null;
}

/** One subject's result for one program, as stored. */
export interface StoredResult {
  readonly program: string;
  readonly programVersion: number;
  readonly subject: string;
  readonly subjectRecord: string | null;
  readonly eligible: boolean;
  /** decimal string, the program's scale */
  readonly amount: string;
  readonly currency: string;
  readonly inputs: JsonValue;
  readonly lines: JsonValue;
  readonly explanation: JsonValue;
}

export interface Adjustment {
  readonly program: string;
  readonly subject: string;
  /** what the corrected final run paid */
  readonly paid: string;
  /** what is due now */
  readonly due: string;
  /** due − paid */
  readonly amount: string;
}
