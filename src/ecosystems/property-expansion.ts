/**
 * Offline expansion of property references in build files: `${name}` in Maven POMs, `$(Name)` in
 * MSBuild projects. Values may refer to other values. Each property is expanded once
 * (`a=${b}${b}`, `b=${c}${c}`, ... would otherwise take exponential time), and an expansion past
 * {@link maxLength} characters is refused, since that chain doubles at every level. A cycle, an
 * unknown name, or a reference left over after expansion (`${${x}}`, an unclosed `${`) leaves
 * the text unresolved: the build tool would not resolve it either, or only while it runs.
 */

export interface ReferenceSyntax {
  /** One reference, global, with the written name in its first group. */
  readonly reference: RegExp;
  /** How a reference opens (`${`): text without it is already expanded; text that still holds it after expansion is unresolved. */
  readonly opening: string;
  /** The lookup key of a written name (trimmed, or lower-cased where names ignore case). */
  readonly key: (written: string) => string;
}

/** The expanded text, or undefined when a reference in it cannot be resolved offline. */
export type Expand = (text: string) => string | undefined;

const maxLength = 4096;

/** An expander over `lookup` (the raw value of a key), memoizing each key for the expander's lifetime. */
export function propertyExpander(syntax: ReferenceSyntax, lookup: (key: string) => string | undefined): Expand {
  const expanded = new Map<string, string | undefined>();
  const resolving = new Set<string>();
  const resolve = (key: string): string | undefined => {
    if (expanded.has(key)) return expanded.get(key);
    const raw = lookup(key);
    if (raw === undefined || resolving.has(key)) return undefined;
    resolving.add(key);
    const value = expand(raw);
    resolving.delete(key);
    expanded.set(key, value);
    return value;
  };
  const expand = (text: string): string | undefined => {
    if (!text.includes(syntax.opening)) return text;
    const state = { complete: true, length: text.length };
    const result = text.replace(syntax.reference, (_whole, written: string) => {
      const value = state.complete ? resolve(syntax.key(written)) : undefined;
      state.length += value?.length ?? 0;
      if (value === undefined || state.length > maxLength) {
        state.complete = false;
        return '';
      }
      return value;
    });
    return state.complete && !result.includes(syntax.opening) ? result : undefined;
  };
  return expand;
}
