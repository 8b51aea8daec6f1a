/**
 * Bounds on an imported or exported file, so one upload cannot exhaust the server's memory.
 * Excel itself stops at 32,767 characters per cell. Callers may pass tighter limits.
 */
export interface TabularLimits {
  readonly maxBytes: number;
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly maxCellLength: number;
}

export const TABULAR_LIMITS: TabularLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 10_000,
  maxColumns: 200,
  maxCellLength: 32_767,
};
