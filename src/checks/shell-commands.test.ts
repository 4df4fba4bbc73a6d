import { describe, expect, it } from 'vitest';
import { downloadOutputFile, hasUnpinnedUrls, interpreterWithCommand, isBinaryName, isDownloadUtility, isExecuteFile, isInterpreterWithFile, isShellInterpreterOrCommand, isSupportedShell } from './shell-commands.js';

const words = (text: string): string[] => text.split(' ');

describe('shell commands (Scorecard rules)', () => {
  it('names programs by base name, ignoring case', () => {
    expect(isBinaryName('bash', '/usr/bin/BASH')).toBe(true);
    expect(isBinaryName('bash', 'bashx')).toBe(false);
    expect(isSupportedShell('/bin/sh')).toBe(true);
    expect(isSupportedShell('bash -e {0}')).toBe(false);
    expect(isSupportedShell('pwsh')).toBe(false);
  });

  it('recognises downloads', () => {
    expect(isDownloadUtility(words('curl -s x'))).toBe(true);
    expect(isDownloadUtility(words('/usr/bin/wget x'))).toBe(true);
    expect(isDownloadUtility(words('aws s3api get-object --bucket b --key k out'))).toBe(true);
    expect(isDownloadUtility(words('aws s3 cp a b'))).toBe(false);
  });

  it('finds the file a download writes', () => {
    expect(downloadOutputFile(words('wget http://x/a.sh -O /tmp/f'))).toEqual({ ok: true, file: '/tmp/f' });
    expect(downloadOutputFile(words('wget http://x/dir/a.sh?x=1'))).toEqual({ ok: true, file: 'a.sh' });
    expect(downloadOutputFile(words('gsutil gs://bucket/file /tmp/file'))).toEqual({ ok: true, file: '/tmp/file' });
    expect(downloadOutputFile(words('gsutil gs://bucket/file /path/to/'))).toEqual({ ok: true, file: '/path/to/file' });
    expect(downloadOutputFile(words('gsutil gs://bucket/file .'))).toEqual({ ok: true, file: 'file' });
    expect(downloadOutputFile(words('aws s3api get-object --bucket b --key dir/script /tmp/file1'))).toEqual({ ok: true, file: '/tmp/file1' });
    expect(downloadOutputFile(words('curl -o f http://x'))).toEqual({ ok: true });
    expect(downloadOutputFile(words('wget http://x/%zz')).ok).toBe(false);
  });

  it('treats only immutable GitHub content as a pinned download', () => {
    const sha = '5b142a1e445a6f060d6430b661408989e9580b85';
    expect(hasUnpinnedUrls(words('curl -sSL https://dot.net/v1/dotnet-install.sh'))).toBe(true);
    expect(hasUnpinnedUrls(words('wget -0 - https://raw.githubusercontent.com'))).toBe(true);
    expect(hasUnpinnedUrls(words('curl -sSL https://raw.githubusercontent.com/dotnet/install-scripts/main/src/dotnet-install.sh'))).toBe(true);
    expect(hasUnpinnedUrls(words(`wget -0 - https://raw.githubusercontent.com/dotnet/install-scripts/${sha}`))).toBe(true);
    expect(hasUnpinnedUrls(words(`wget -0 - http://raw.githubusercontent.com/dotnet/install-scripts/${sha}/src/x.sh`))).toBe(true);
    expect(hasUnpinnedUrls(words(`wget -0 - https://github.com/dotnet/install-scripts/blob/${sha}/src/x.sh`))).toBe(true);
    expect(hasUnpinnedUrls(words(`wget -0 - https://raw.githubusercontent.com/dotnet/install-scripts/${sha}/src/x.sh`))).toBe(false);
    expect(hasUnpinnedUrls(['curl', "'=https'", `'https://raw.githubusercontent.com/a/b/${sha}/x.sh'`])).toBe(false);
    expect(hasUnpinnedUrls(['curl', `"https://raw.githubusercontent.com/a/b/${sha}/x.sh"`])).toBe(false);
    expect(hasUnpinnedUrls(words('curl -s bla'))).toBe(true);
  });

  it('recognises interpreters and the files they run', () => {
    expect(interpreterWithCommand(words('sudo su -c x root'))).toBe('su');
    expect(interpreterWithCommand(words('bash -euo pipefail x'))).toBeUndefined();
    expect(isShellInterpreterOrCommand('python3')).toBe(false);
    expect(isShellInterpreterOrCommand('sh')).toBe(true);
    expect(isInterpreterWithFile(words('bash ./file'), 'file')).toBe(true);
    expect(isInterpreterWithFile(words('cat file'), 'file')).toBe(false);
    expect(isExecuteFile(words('./myfile arg'), 'myfile')).toBe(true);
  });
});
