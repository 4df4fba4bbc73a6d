/** The first line of a parser's error message: smol-toml and yaml add a code frame below it, which does not belong in a one-line problem. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
