import type { TextStyle } from './text-style.js';

// Escape sequences (colour) take no room on screen; they are not counted in column widths.
// eslint-disable-next-line no-control-regex
const escapes = /\u001b\[[0-9;]*m/g;

function width(text: string): number {
  return text.replace(escapes, '').length;
}

/** Left-aligned columns separated by two spaces, with a bold header row. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], style: TextStyle): string {
  const widths = headers.map((header, column) => Math.max(width(header), ...rows.map((row) => width(row[column] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - width(cell))))
      .join('  ')
      .trimEnd();
  return [style.bold(line(headers)), ...rows.map(line)].join('\n');
}
