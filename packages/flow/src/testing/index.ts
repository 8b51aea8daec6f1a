export { memoryDirectory, type UserSpec } from './directory.js';
export { FlowDriver } from './driver.js';
export { flowOf, oneApproval, approvalNode, endNode, MANUAL_START } from './build.js';
