/**
 * A model type with its fields writable, for code that builds a value field by field. Hot paths
 * build components this way rather than with `...(x === undefined ? {} : { x })` spreads: before
 * the engine has optimized them, such spreads cost ten times as much (4-11 ms against 0.4 ms for
 * 1,815 components, measured), and an inventory is built once per run, cold. Not exported from
 * model/index.ts: the library's API stays read-only.
 */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
