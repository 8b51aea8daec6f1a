/**
 * The standard implementations behind the injected interfaces: @trellis/schema-validator (the one
 * place ajv lives) and the compiled evaluator of @trellis/rules. Kept apart from the core
 * (runtime.ts) so that the core imports no implementation and callers can bring their own.
 */
import type { EntityDefinition } from '@trellis/definitions';
import { compileRule } from '@trellis/rules';
import { createSchemaValidator } from '@trellis/schema-validator';
import { buildFormRuntime } from './runtime.js';
import type { FormDeps, FormRuntime } from './types.js';

let standard: FormDeps | undefined;

/**
 * Created on first use and shared, so every runtime compiles into the same validator instance.
 * `plainData`: the validator only ever sees records copied by clone-submission.ts (plain objects
 * and arrays), so it may skip ajv's own-property checks where they cannot change an answer.
 */
export function defaultFormDeps(): FormDeps {
  standard ??= { validator: createSchemaValidator({ plainData: true }), rules: { compile: (rule) => compileRule(rule) } };
  return standard;
}

export function createFormRuntime(definition: EntityDefinition, deps?: Partial<FormDeps>): FormRuntime {
  return buildFormRuntime(definition, { ...defaultFormDeps(), ...deps });
}
