export { onboardingContext, onboardingDefinition, validOnboardingSubmission } from './onboarding-fixture.js';
export { changed, smallEntity, type EditableEntity } from './small-entity.js';
