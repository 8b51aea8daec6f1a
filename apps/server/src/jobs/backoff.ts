/** How long a failed job waits before its next attempt. */
export interface BackoffPolicy {
  /** the wait after the first failure, before jitter */
  readonly baseMs: number;
  /** the longest wait, before jitter */
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 3_600_000 };

/**
 * The wait after failed attempt `attempt` (1-based): the step min(max, base·2^(attempt-1)) with
 * "equal jitter", between half the step and the whole of it, so many jobs failing together (a
 * receiver down) spread their retries out, yet none comes back sooner than half its step.
 * `random` returns [0, 1) and is injected so tests know the schedule.
 */
export function backoffDelay(attempt: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}
