export { loadPristineJsonLogic } from './pristine-json-logic.js';
