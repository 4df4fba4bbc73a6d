import { describe, expect, it } from 'vitest';
import { emptyPinningData } from './pinned-dependency.js';
import type { PinningData } from './pinned-dependency.js';
import { scanShell } from './shell-dependencies.js';

function scan(text: string, scorecardCompat = true, startLine = 0): PinningData {
  const data = emptyPinningData();
  scanShell({ file: 'build.sh', scorecardCompat, downloads: new Map(), data }, text, startLine, startLine);
  return data;
}

const brief = (data: PinningData): string[] => data.dependencies.map((dependency) => `${dependency.line} ${dependency.type} ${dependency.pinned ? 'pinned' : 'unpinned'}: ${dependency.snippet}`);

describe('shell dependencies', () => {
  it('finds a download piped to a shell, with sudo', () => {
    expect(brief(scan('echo hi && curl -s https://x/i.sh | sudo bash'))).toEqual(['1 downloadThenRun unpinned: curl -s https://x/i.sh | sudo bash']);
  });

  it('does not count a commit-pinned raw GitHub download', () => {
    expect(scan('curl -sSL https://raw.githubusercontent.com/o/r/5b142a1e445a6f060d6430b661408989e9580b85/i.sh | bash').dependencies).toEqual([]);
  });

  it('follows a downloaded file to the command that runs it', () => {
    expect(brief(scan('wget http://x/a -O /tmp/f\ncat /tmp/f\nbash /tmp/f\n/tmp/f'))).toEqual(['3 downloadThenRun unpinned: bash /tmp/f', '4 downloadThenRun unpinned: /tmp/f']);
    expect(brief(scan('curl bla > myfile\n./myfile'))).toEqual(['2 downloadThenRun unpinned: ./myfile']);
  });

  it('reads `sh -c "..."` as shell, one line further down as Scorecard counts', () => {
    expect(brief(scan('\n\nsh -c "curl bla | sh"'))).toEqual(['4 downloadThenRun unpinned: curl bla | sh']);
  });

  it('finds process substitution of a download', () => {
    expect(brief(scan('bash <(wget -qO- http://website.com/my-script.sh)'))).toEqual(['1 downloadThenRun unpinned: bash <(wget -qO- http://website.com/my-script.sh)']);
  });

  it('records package installs pinned or not', () => {
    expect(brief(scan('npm ci\npip install -r requirements.txt'))).toEqual(['1 npmCommand pinned: npm ci', '2 pipCommand unpinned: pip install -r requirements.txt']);
  });

  it('adds the caller line to every line (a RUN, a run: step)', () => {
    expect(brief(scan('npm install', true, 9))).toEqual(['10 npmCommand unpinned: npm install']);
  });

  it('records a parse error as incomplete results, not a crash', () => {
    const data = scan('echo ok\nif then');
    expect(data.dependencies).toEqual([]);
    expect(data.processingErrors).toEqual([{ file: 'build.sh', line: 2, message: 'shell parsing: "if" must be followed by a statement list', snippet: 'if then' }]);
  });

  it('reports a download URL Go cannot parse as a failure for the caller', () => {
    const data = emptyPinningData();
    expect(scanShell({ file: 'x', scorecardCompat: true, downloads: new Map(), data }, 'wget http://x/%zz', 0, 0)).toContain('invalid URL escape');
  });

  describe('checksum-verified downloads (improvement)', () => {
    const sha = 'a'.repeat(64);
    const verified = `curl -fsSLo install.sh https://example.com/install.sh\necho "${sha}  install.sh" | sha256sum -c -\nbash install.sh`;

    it('counts a download checked by the next command as pinned, with a deviation', () => {
      const [dependency] = scan(verified, false).dependencies;
      expect(dependency).toMatchObject({ line: 3, type: 'downloadThenRun', pinned: true, snippet: 'bash install.sh' });
      expect(dependency?.deviation).toContain('checksum on line 2');
    });

    it('does the same for wget and `shasum -a 256 -c` chained with &&', () => {
      const data = scan(`wget -O tool.sh https://example.com/tool.sh && shasum -a 256 -c tool.sh.sha256 && sh tool.sh`, false);
      expect(data.dependencies).toMatchObject([{ type: 'downloadThenRun', pinned: true }]);
    });

    it('keeps Scorecard\'s judgement in compat mode (curl -o is not followed at all)', () => {
      expect(scan(verified, true).dependencies).toEqual([]);
      expect(scan(`wget -O t.sh https://e.com/t.sh && sha256sum -c t.sh.sha256 && sh t.sh`, true).dependencies).toMatchObject([{ pinned: false }]);
    });

    it('reports an unverified curl -o download that is run, with a deviation', () => {
      const [dependency] = scan('curl -o i.sh https://e.com/i.sh\nbash i.sh', false).dependencies;
      expect(dependency).toMatchObject({ pinned: false, line: 2 });
      expect(dependency?.deviation).toContain('curl');
    });

    it('needs the verification right after the download', () => {
      expect(scan(`curl -o i.sh https://e.com/i.sh\necho hi\nsha256sum -c sums\nbash i.sh`, false).dependencies).toMatchObject([{ pinned: false }]);
    });
  });
});
