/**
 * PEP 508 dependency specifications (`name[extra1,extra2] (>=1.0,<2) ; marker`, `name @ url`),
 * split into their parts without judging the specifier: callers decide how strict to be
 * (specifiers.ts checks PEP 440 ranges; requirements files keep what pip would ignore).
 * https://peps.python.org/pep-0508/ "Names", "Extras", "Versions", "URL", "Environment Markers".
 */

export interface Pep508Requirement {
  /** As written. */
  readonly name: string;
  readonly extras: readonly string[];
  /** The version specifier as written, without surrounding parentheses; "" when none. */
  readonly specifier: string;
  /** The URL of a `name @ url` requirement. */
  readonly url?: string;
  /** The environment marker after `;`, when there is one. */
  readonly marker?: string;
}

/** PEP 508 "Names": letters and digits, with `.`, `_` and `-` inside. */
const namePattern = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/;
const validName = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;

export function isValidPythonName(name: string): boolean {
  return validName.test(name);
}

/**
 * Reads one requirement; undefined when the text does not start with a name or what follows the
 * name and extras is not a specifier (an operator), `@ url`, or `;` marker.
 */
export function parsePep508(text: string): Pep508Requirement | undefined {
  const trimmed = text.trim();
  const name = namePattern.exec(trimmed)?.[0];
  if (name === undefined) return undefined;
  let rest = trimmed.slice(name.length).trimStart();

  let extras: string[] = [];
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close === -1) return undefined;
    extras = rest
      .slice(1, close)
      .split(',')
      .map((extra) => extra.trim())
      .filter((extra) => extra !== '');
    rest = rest.slice(close + 1).trimStart();
  }

  if (rest.startsWith('@')) {
    // PEP 508: a marker after a URL needs whitespace before the `;`, since `;` may be part of the URL.
    const [url, marker] = splitOnce(rest.slice(1).trim(), /\s;/);
    if (url === '') return undefined;
    return { name, extras, specifier: '', url: url.trimEnd(), ...markerPart(marker) };
  }

  const [versionPart, marker] = splitOnce(rest, /;/);
  let specifier = versionPart.trim();
  if (specifier.startsWith('(')) {
    if (!specifier.endsWith(')')) return undefined;
    specifier = specifier.slice(1, -1).trim();
  }
  if (specifier !== '' && !/^[<>=!~]/.test(specifier)) return undefined;
  return { name, extras, specifier, ...markerPart(marker) };
}

function splitOnce(text: string, separator: RegExp): [string, string | undefined] {
  const match = separator.exec(text);
  if (match === null) return [text, undefined];
  return [text.slice(0, match.index), text.slice(match.index + match[0].length)];
}

function markerPart(marker: string | undefined): { marker?: string } {
  const trimmed = marker?.trim();
  return trimmed === undefined || trimmed === '' ? {} : { marker: trimmed };
}
