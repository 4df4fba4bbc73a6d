import { describe, expect, it } from 'vitest';
import { renderNode } from './shell-render.js';
import { nodeKind, parseShell, walkShell } from './shell-syntax.js';
import type { ShellNode } from './shell-syntax.js';

function parsed(text: string): { file: ShellNode; source: Uint8Array } {
  const result = parseShell(text);
  if (!result.ok) throw new Error(result.message);
  return result;
}

function nodesOf(text: string, kind: string): { node: ShellNode; source: Uint8Array }[] {
  const { file, source } = parsed(text);
  const found: { node: ShellNode; source: Uint8Array }[] = [];
  walkShell(file, (node) => {
    if (nodeKind(node) === kind) found.push({ node, source });
    return true;
  });
  return found;
}

describe('shell rendering', () => {
  it('renders commands as syntax.Printer prints them', () => {
    const pipes = nodesOf('echo hello &&   curl  bla |bash', 'BinaryCmd');
    expect(pipes.map(({ node, source }) => renderNode(source, node))).toEqual(['echo hello && curl bla | bash', 'curl bla | bash']);
    const [call] = nodesOf('bash  <(curl --silent "https://x/y.sh")  2>/dev/null', 'CallExpr');
    if (call === undefined) throw new Error('no call');
    expect(renderNode(call.source, call.node)).toBe('bash <(curl --silent "https://x/y.sh")');
  });

  it('falls back to the printer for words it does not render itself', () => {
    const [call] = nodesOf('FOO=1   echo "$HOME"  a\\\n  b', 'CallExpr');
    if (call === undefined) throw new Error('no call');
    // The printer joins escaped newlines between words.
    expect(renderNode(call.source, call.node)).toBe('FOO=1 echo "$HOME" a b');
  });

  it('renders non-ASCII text', () => {
    const [call] = nodesOf('echo  "wörld"', 'CallExpr');
    if (call === undefined) throw new Error('no call');
    expect(renderNode(call.source, call.node)).toBe('echo "wörld"');
  });
});
