import type { FastifyInstance } from 'fastify';

type SignalListener = (signal: NodeJS.Signals) => void;

/** Something that emits process signals: `process`, or an EventEmitter in tests. */
export interface SignalSource {
  on(signal: NodeJS.Signals, listener: SignalListener): unknown;
  removeListener(signal: NodeJS.Signals, listener: SignalListener): unknown;
}

export interface ShutdownOptions {
  readonly signals?: SignalSource;
  /** how long in-flight requests may take before the process gives up on them */
  readonly timeoutMs?: number;
  /** called when closing takes too long, or on a second signal (default: exit 1) */
  readonly forceExit?: () => void;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * On SIGTERM or SIGINT: stop accepting connections, let in-flight requests finish (fastify's
 * close, which answers 503 on kept-alive connections meanwhile), then close the storage (the
 * app's onClose hook). A second signal, or the timeout, forces the exit. Returns a function that
 * starts the same shutdown and resolves when it is done.
 */
export function handleShutdown(app: FastifyInstance, options: ShutdownOptions = {}): () => Promise<void> {
  const signals = options.signals ?? process;
  const forceExit = options.forceExit ?? (() => process.exit(1));
  let closing: Promise<void> | undefined;

  const shutdown = (): Promise<void> => {
    if (closing !== undefined) return closing;
    app.readiness.markStopping();
    const timer = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      forceExit();
    }, options.timeoutMs ?? 30_000);
    timer.unref();
    closing = app.close().finally(() => {
      clearTimeout(timer);
      // with no listener left, the process ends by itself once nothing else is pending
      for (const signal of SIGNALS) signals.removeListener(signal, onSignal);
    });
    return closing;
  };

  const onSignal: SignalListener = (signal) => {
    if (closing !== undefined) {
      app.log.warn({ signal }, 'second signal: exiting without waiting');
      forceExit();
      return;
    }
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    shutdown().catch((error: unknown) => app.log.error({ err: error }, 'shutdown failed'));
  };

  for (const signal of SIGNALS) signals.on(signal, onSignal);
  return shutdown;
}
