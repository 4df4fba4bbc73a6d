import { describe, expect, it } from 'vitest';
import { renderNode } from './shell-render.js';
import { nodesOf } from './__fixtures__/shell-nodes.js';

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
