import jsonLogicModule from 'json-logic-js';

/** The parts of json-logic-js 2.0.5 we use, typed for what they really accept and return. */
export interface JsonLogicEngine {
  apply(logic: unknown, data?: unknown): unknown;
  add_operation(name: string, code: (this: unknown, ...args: unknown[]) => unknown): void;
  rm_operation(name: string): void;
  is_logic(logic: unknown): boolean;
  truthy(value: unknown): boolean;
}

/** The json-logic-js module singleton (reference.ts installs the Trellis operator set into it). */
export const sharedJsonLogic = jsonLogicModule as unknown as JsonLogicEngine;
