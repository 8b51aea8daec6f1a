import type { Migration } from '../port.js';
import { init } from './0001_init.js';

/** Every migration in the order it runs; append only, never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [{ name: '0001_init', sql: init }];
