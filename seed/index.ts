export { loadPrmTemplate, entityOf, ruleOf } from './template.js';
export {
  SAMPLE_ENTITIES,
  generateMdfRequests,
  generateOnboardingApplications,
  generatePartnerBundles,
  generatePartners,
  generatePerformance,
  generateRecords,
  generateSampleData,
  type GenerateOptions,
  type SampleData,
  type SampleEntity,
} from './generate.js';
export { ruleLogic, templateRule, type RuleFunction } from './generator/template-rules.js';
