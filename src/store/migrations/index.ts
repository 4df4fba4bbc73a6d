import { advisories } from './0001-advisories.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

/** Every migration, in order. Add a new file and one line here. */
export const migrations: readonly Migration[] = [advisories];
