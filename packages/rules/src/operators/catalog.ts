import { CORE_OPERATOR_DOCS } from './catalog/core.js';
import { CUSTOM_OPERATOR_DOCS } from './catalog/custom.js';
import type { OperatorDoc } from './catalog/types.js';

export { OPERATOR_CATEGORIES, type OperatorCategory, type OperatorDoc, type OperatorExample } from './catalog/types.js';

/** Documentation of every Trellis operator, core first, in names.ts order; docs/rules.md is generated from it. */
export const OPERATOR_CATALOG: readonly OperatorDoc[] = [...CORE_OPERATOR_DOCS, ...CUSTOM_OPERATOR_DOCS];
