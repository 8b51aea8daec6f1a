/**
 * The one place ajv lives. A validator compiles JSON Schemas (draft 2020-12) into functions that
 * return Problems; callers cache those functions (ajv code generation is the expensive part).
 *
 * Schemas are never fetched: there is no `loadSchema`, so a `$ref` to anything not registered with
 * `addSchema` fails to compile, and that failure comes back as a Problem like every other.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { TrellisError, type Problem } from '@trellis/errors';
import { compileProblem } from './compile-problems.js';
import { dateFormat } from './full-date.js';
import { allowsPlainReads } from './plain-data.js';
import { toProblems } from './problems.js';
import type { ForPeople } from './messages.js';

/** Checks one value; an empty array means valid. */
export type ValidateFunction = (data: unknown) => readonly Problem[];

export interface SchemaValidator {
  /**
   * Compiles once; a schema that cannot compile yields a function returning that Problem.
   * `people`: the data is filled in by people, so messages name fields by their labels.
   */
  compile(schema: object, people?: ForPeople): ValidateFunction;
  /** Registers a schema that others may `$ref` by its `$id`; returns why it could not be added. */
  addSchema(schema: object): readonly Problem[];
}

export interface SchemaValidatorOptions {
  /** Schemas to register up front (e.g. the published Trellis definition schemas). */
  readonly schemas?: readonly object[];
  /**
   * Full ajv strict mode, for schemas we publish ourselves. Otherwise (admin-written record
   * schemas) only unknown keywords, unknown formats and non-finite numbers are errors: the other
   * strict checks reject legitimate schemas such as `required` inside `if`/`then`.
   */
  readonly strict?: boolean;
  /**
   * The data is always plain JSON: objects whose prototype is Object.prototype or null (as
   * JSON.parse or a checked copy make them), arrays and primitives. Properties are then read
   * directly rather than through hasOwnProperty, which is a quarter faster, for every schema whose
   * answers cannot differ (plain-data.ts); the others keep the own-property checks.
   */
  readonly plainData?: boolean;
}

const VALID: readonly Problem[] = Object.freeze([]);

function newAjv(options: SchemaValidatorOptions, ownProperties: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    // `discriminator` lets a oneOf report only the branch its tag selects, instead of every branch.
    discriminator: true,
    ownProperties,
    logger: false,
    ...(options.strict === true
      ? { strict: true }
      : { strictSchema: true, strictNumbers: true, strictTypes: false, strictTuples: false, strictRequired: false }),
  });
  addFormats(ajv);
  ajv.addFormat('date', dateFormat);
  return ajv;
}

export function createSchemaValidator(options: SchemaValidatorOptions = {}): SchemaValidator {
  const ajv = newAjv(options, true);
  // created on first use: it only ever compiles self-contained schemas, so it needs no registered ones
  let plainAjv: Ajv2020 | undefined;
  const ajvFor = (schema: object): Ajv2020 => {
    if (options.plainData !== true || !allowsPlainReads(schema)) return ajv;
    plainAjv ??= newAjv(options, false);
    return plainAjv;
  };

  const addSchema = (schema: object): readonly Problem[] => {
    try {
      ajv.addSchema(schema);
      return VALID;
    } catch (error) {
      return [compileProblem(error)];
    }
  };

  // The up-front schemas are the caller's own, so a broken one is a programming error.
  for (const schema of options.schemas ?? []) {
    const [first, ...rest] = addSchema(schema);
    if (first) throw new TrellisError([first, ...rest]);
  }

  return {
    addSchema,
    compile(schema, people) {
      try {
        const validate = ajvFor(schema).compile(schema);
        return (data) => (validate(data) ? VALID : toProblems(validate.errors ?? [], people));
      } catch (error) {
        const problems = [compileProblem(error)];
        return () => problems;
      }
    },
  };
}
