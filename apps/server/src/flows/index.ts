/** The flow runtime's programmatic surface (benchmarks, tools): transitions inside a transaction, job kinds. */
export { flowScope, DEFAULT_CALENDAR, type FlowScope } from './scope.js';
export { startFlow, actOnInstance, applyToLocked, type StartFlow, type ActOnInstance } from './run.js';
export { latestFlow, flowAt, type VersionedFlow } from './definitions.js';
export { registerFlowJobs, plantSchedules, FLOW_SCHEDULE_JOB } from './jobs.js';
export { FLOW_TIMER_JOB, timerJobKey } from './effects.js';
