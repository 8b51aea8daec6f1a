export type {
  Condition, ConditionTree, ConditionValue, Field, FieldType, Group, Literal, OperatorId, Primitive, ValueKind,
} from './types.js';
export { OPERATORS, operatorsFor, allowsOperator, type OperatorInfo } from './operators.js';
export { fieldsOf, type FieldLabels } from './fields.js';
export { toJsonLogic } from './to-json-logic.js';
export { fromJsonLogic } from './from-json-logic.js';
export { checkTree, staticErrors, treePathOf } from './check.js';
export { emptyValue, literalType, valueFits } from './values.js';
export { conditionProblems } from './problems.js';
export { appendAt, newCondition, newGroup, removeAt, updateAt, withOperator } from './edit.js';
