import { createRequire } from 'node:module';
import type { JsonLogicEngine } from '../json-logic-engine.js';

/**
 * A private, untouched copy of json-logic-js 2.0.5 (Node only; tests and benchmarks). The shared module
 * is turned into the Trellis operator set by reference.ts, so comparing against the library itself
 * needs its own instance: drop it from the require cache, require it again, then put the cache back.
 */
export function loadPristineJsonLogic(): JsonLogicEngine {
  const require = createRequire(import.meta.url);
  const id = require.resolve('json-logic-js');
  const cached = require.cache[id];
  delete require.cache[id];
  try {
    return require(id) as JsonLogicEngine;
  } finally {
    if (cached === undefined) delete require.cache[id];
    else require.cache[id] = cached;
  }
}
