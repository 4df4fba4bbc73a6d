import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { lockfileCaseFailures, readLockfileCases } from '../../../test/lockfile-corpus.js';
import { describeShared } from '../../../test/shared.js';
import { pipRequirementsExtractor } from './requirements.js';
import { treeFile } from '../../../test/source-file.js';

const extract = (text: string) => pipRequirementsExtractor.extract({ path: 'requirements.txt', text, readRelated: () => undefined });

describe('pipRequirementsExtractor', () => {
  it('matches any *requirements*.txt by the last path segment', () => {
    expect(pipRequirementsExtractor.matches('requirements.txt')).toBe(true);
    expect(pipRequirementsExtractor.matches('app/dev-requirements.txt')).toBe(true);
    expect(pipRequirementsExtractor.matches('requirements/base.txt')).toBe(false);
    expect(pipRequirementsExtractor.matches('requirements.in')).toBe(false);
    expect(pipRequirementsExtractor.matches('requirements.txt/notes.md')).toBe(false);
  });

  it('pins == and ===, and keeps ranges as unpinned with their bound', () => {
    const result = extract('a==1.0\nb===2.0\nc>=1.2\nd~=1.4.2\ne<=3\nf!=1.3\ng==1.*\nh>=1,<2\ni\n');
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.name, c.version, c.unpinned, c.versionRange, c.meta?.['versionComparator']])).toEqual([
      ['a', '1.0', undefined, undefined, '=='],
      ['b', '2.0', undefined, undefined, '==='],
      ['c', '1.2', true, '>=1.2', '>='],
      ['d', '1.4.2', true, '~=1.4.2', '~='],
      ['e', '3', true, '<=3', '<='],
      ['f', '', true, '!=1.3', undefined],
      ['g', '', true, '==1.*', undefined],
      ['h', '', true, '>=1,<2', undefined],
      ['i', '', true, '', undefined],
    ]);
  });

  it('keeps names as written, with the purl normalized', () => {
    const [component] = extract('Foo_Bar.baz [extra1, extra2] == 1.0 ; python_version < "3.8"\n').components;
    expect(component).toMatchObject({
      name: 'Foo_Bar.baz',
      version: '1.0',
      ecosystem: 'PyPI',
      purl: 'pkg:pypi/foo-bar.baz@1.0',
      groups: [],
      location: { file: 'requirements.txt', line: 1 },
      meta: { requirement: 'Foo_Bar.baz [extra1, extra2] == 1.0 ; python_version < "3.8"', versionComparator: '==' },
    });
  });

  it('joins continued lines at the line of their start, and collects --hash values in both spellings', () => {
    const result = extract('# top\n\nfoo==1.0 \\\n    --hash=sha256:aa \\\n    --hash sha256:bb\nbar==2.0 -C x=y  # note\n');
    expect(result.components.map((c) => [c.name, c.location.line, c.meta?.['hashes']])).toEqual([
      ['foo', 3, ['sha256:aa', 'sha256:bb']],
      ['bar', 6, undefined],
    ]);
  });

  it('skips option lines, URL, path and VCS requirements, environment variables and broken lines without a problem', () => {
    const result = extract(
      [
        '--index-url https://example.org/simple',
        '-e git+https://github.com/o/r.git#egg=r',
        'urllib3 @ https://example.org/urllib3-1.26.8.zip',
        './downloads/numpy-1.9.2-cp34-none-win32.whl',
        'https://example.org/pkg-1.0.whl',
        'qwert==${VERSION}',
        'asdf==',
        '==1.0',
        'asdf 1.0',
        'ok==1',
      ].join('\n'),
    );
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => c.name)).toEqual(['ok']);
  });

  it('reads -r includes in place, each component located in its own file, and stops at loops', () => {
    const files = {
      'app/requirements.txt': 'a==1\n-r base.txt\n--requirement=sub/more.txt\nb==2\n',
      'app/base.txt': 'c==3\n-r requirements.txt\n',
      'app/sub/more.txt': '\nd==4\n-r ../base.txt\n',
    };
    const result = pipRequirementsExtractor.extract(treeFile(files, 'app/requirements.txt'));
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.name, c.location.file, c.location.line])).toEqual([
      ['a', 'app/requirements.txt', 1],
      ['c', 'app/base.txt', 1],
      ['d', 'app/sub/more.txt', 2],
      ['b', 'app/requirements.txt', 4],
    ]);
  });

  it('pins unpinned requirements from -c constraints, which add no component of their own', () => {
    const files = {
      'requirements.txt': '-c constraints.txt\nrequests>=2\nflask==2.0\n',
      'constraints.txt': 'Requests==2.31.0\nflask==1.0\nnumpy==1.26.0\n',
    };
    const result = pipRequirementsExtractor.extract(treeFile(files, 'requirements.txt'));
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.name, c.version, c.unpinned, c.purl])).toEqual([
      ['requests', '2.31.0', undefined, 'pkg:pypi/requests@2.31.0'],
      ['flask', '2.0', undefined, 'pkg:pypi/flask@2.0'],
    ]);
    expect(result.components[0]?.meta?.['constraint']).toEqual({ file: 'constraints.txt', line: 1, requirement: 'Requests==2.31.0' });
  });

  it('reports an include it cannot read, naming the included file, at the line of the option', () => {
    const result = extract('a==1\n-r missing.txt\n-c https://example.org/c.txt\n');
    expect(result.components.map((c) => c.name)).toEqual(['a']);
    expect(result.problems).toEqual([
      { file: 'requirements.txt', line: 2, message: '-r missing.txt: the included file cannot be read (missing, too large, or outside the scanned tree)' },
      { file: 'requirements.txt', line: 3, message: '-c https://example.org/c.txt: a remote file is not fetched' },
    ]);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(pipRequirementsExtractor, { characters: 'abc-_.=<>!~*;[]@#\\ ,\n\r${}12' }, { path: 'requirements.txt', maxLength: 200 });
  });
});

describeShared('pip-requirements corpus', ['corpus', 'lockfiles'], (dir) => {
  for (const testCase of readLockfileCases(dir).filter((c) => c.format === 'pip-requirements')) {
    it(testCase.id, () => {
      expect(lockfileCaseFailures(dir, testCase, pipRequirementsExtractor)).toEqual([]);
    });
  }
});
