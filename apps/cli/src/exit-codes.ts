/**
 * What `trellis` exits with. Pipelines branch on these, so they are part of the interface:
 * 1 means "the check ran and found failures", 2 means "the input could not be used at all".
 */
export const ExitCode = {
  /** everything passed */
  Ok: 0,
  /** the command ran and found failures: failing rule tests, an invalid template, a rejected rule */
  Failed: 1,
  /** bad usage or unusable input: unknown option, unreadable file, malformed JSON */
  BadInput: 2,
  /** a bug in trellis itself (EX_SOFTWARE) */
  Internal: 70,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
