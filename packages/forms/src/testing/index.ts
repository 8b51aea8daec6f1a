export { onboardingContext, onboardingDefinition, validOnboardingSubmission } from './onboarding-fixture.js';
export { changed, smallEntity, type EditableEntity } from './small-entity.js';
export { differingOutcomes, HOSTILE_KEYS, mutateSubmission, outcomeText, seededRandom, type Random } from './differential.js';
