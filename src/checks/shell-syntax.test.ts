import { describe, expect, it } from 'vitest';
import { nodeKind, nodeList, nodeStart, nodeText, parseShell, walkShell } from './shell-syntax.js';
import type { ShellNode } from './shell-syntax.js';
import { nodesOf, parsed } from './__fixtures__/shell-nodes.js';

describe('shell syntax (mvdan-sh)', () => {
  it('reports a parse error with its message and line', () => {
    expect(parseShell('echo a\nif then fi')).toEqual({ ok: false, message: '"if" must be followed by a statement list', line: 2 });
  });

  it('walks nodes in syntax.Walk order: a node before its children, children in source order', () => {
    const kinds: string[] = [];
    walkShell(parsed('a && b | c').file, (node) => {
      kinds.push(nodeKind(node));
      return true;
    });
    expect(kinds.filter((kind) => ['Stmt', 'BinaryCmd', 'CallExpr'].includes(kind))).toEqual(['Stmt', 'BinaryCmd', 'Stmt', 'CallExpr', 'Stmt', 'BinaryCmd', 'Stmt', 'CallExpr', 'Stmt', 'CallExpr']);
  });

  it('gives lines and decodes UTF-8 text', () => {
    const calls = nodesOf('# héllo\necho "wörld"\n\ncurl x', 'CallExpr');
    expect(calls.map(({ node }) => nodeStart(node).line)).toEqual([2, 4]);
    const [echo] = calls;
    if (echo === undefined) throw new Error('no echo');
    const quoted = nodeList(nodeList(echo.node, 'Args')[1] as ShellNode, 'Parts')[0] as ShellNode;
    expect(nodeText(nodeList(quoted, 'Parts')[0] as ShellNode, 'Value')).toBe('wörld');
  });
});
