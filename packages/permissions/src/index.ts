export {
  compilePermissions, type CompileOptions, type PermissionModel, type ReadOptions, type WriteOptions,
} from './model.js';
export { permissionProblems } from './problems.js';
export { bindUser, userContext } from './scope.js';
export { changedPaths, covers, pickFields } from './fields.js';
export {
  PERMISSION_ACTIONS, type FieldSet, type JsonObject, type PermissionAction, type PermissionUser, type RecordFacts, type RecordMeta,
} from './types.js';
