/** Shell parsing for tests: a script that must parse, and the nodes of one kind in it. */
import { nodeKind, parseShell, walkShell } from '../shell-syntax.js';
import type { ShellNode } from '../shell-syntax.js';

export function parsed(text: string): { file: ShellNode; source: Uint8Array } {
  const result = parseShell(text);
  if (!result.ok) throw new Error(result.message);
  return result;
}

export function nodesOf(text: string, kind: string): { node: ShellNode; source: Uint8Array }[] {
  const { file, source } = parsed(text);
  const found: { node: ShellNode; source: Uint8Array }[] = [];
  walkShell(file, (node) => {
    if (nodeKind(node) === kind) found.push({ node, source });
    return true;
  });
  return found;
}
