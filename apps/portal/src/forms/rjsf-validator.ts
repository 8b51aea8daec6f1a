import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import { createSchemaValidator, type ValidateFunction } from '@trellis/schema-validator';

/**
 * rjsf's validator port backed by @trellis/schema-validator, the validator the form runtime uses,
 * so the browser carries one ajv. rjsf uses it only to pick schema branches (isValid); the
 * submission itself is checked by the form runtime (`process`), whose problems the wizard shows,
 * exactly as the server would answer them.
 */
export function createRjsfValidator(): ValidatorType {
  const validator = createSchemaValidator();
  const compiled = new WeakMap<object, Map<object, ValidateFunction>>();
  const compile = (schema: RJSFSchema, root: RJSFSchema): ValidateFunction => {
    let byRoot = compiled.get(schema);
    if (byRoot === undefined) compiled.set(schema, (byRoot = new Map()));
    let validate = byRoot.get(root);
    if (validate === undefined) {
      const { $id: _id, ...rest } = schema;
      byRoot.set(root, (validate = validator.compile({ ...rest, ...(root.$defs === undefined ? {} : { $defs: root.$defs }) })));
    }
    return validate;
  };
  return {
    validateFormData: () => ({ errors: [], errorSchema: {} }),
    isValid: (schema, formData, rootSchema) => compile(schema, rootSchema)(formData).length === 0,
    rawValidation: (schema, formData) => ({ errors: compile(schema, schema)(formData) as never[] }),
  };
}
