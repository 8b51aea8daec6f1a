export { loadPristineJsonLogic } from './pristine-json-logic.js';
export { seededRandom } from '../compiled/random-rules.js';
