export type * from './osv.js';
export { eventOf } from './osv.js';
export type * from './purl.js';
export type { Ordering } from './version.js';
export { toOrdering } from './version.js';
export type * from './inventory.js';
export type * from './scan.js';
export type * from './checks.js';
