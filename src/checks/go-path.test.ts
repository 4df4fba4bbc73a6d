import { describe, expect, it } from 'vitest';
import { basePath, cleanPath, dirPath, joinPath, urlPath } from './go-path.js';

describe("Go's path functions", () => {
  it.each([
    ['', '.'], ['./myfile', 'myfile'], ['/tmp//a/../b/', '/tmp/b'], ['../../x', '../../x'], ['/..', '/'], ['a/./b/.', 'a/b'],
  ])('Clean(%j) is %j', (path, clean) => {
    expect(cleanPath(path)).toBe(clean);
  });

  it('takes base names, folders and joins as Go does', () => {
    expect([basePath(''), basePath('/'), basePath('a/b/'), basePath('/usr/bin/bash')]).toEqual(['.', '/', 'b', 'bash']);
    expect([dirPath('/path/to/'), dirPath('file'), dirPath('/tmp/file'), dirPath('.')]).toEqual(['/path/to', '.', '/tmp', '.']);
    expect(joinPath('/path/to', 'file')).toBe('/path/to/file');
    expect(joinPath('.', 'file')).toBe('file');
  });

  it('reads the path of a URL, failing where url.Parse fails', () => {
    expect(urlPath('http://x.com/dir/a%20b.sh?q=1#f')).toEqual({ ok: true, path: '/dir/a b.sh' });
    expect(urlPath('https:opaque')).toEqual({ ok: true, path: '' });
    expect(urlPath('relative/path')).toEqual({ ok: true, path: 'relative/path' });
    expect(urlPath('http://x/%zz').ok).toBe(false);
    expect(urlPath('http://x/a\u0001').ok).toBe(false);
  });
});
