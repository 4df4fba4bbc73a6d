/**
 * The fix of an unpinned dependency, concrete enough to apply: the pinned line to write and,
 * offline, the command that looks up the hash to put in it (Trustline never guesses a digest).
 */
import type { PinnedDependencyType } from '../model/index.js';

/** `uses: owner/repo@<sha> # ref`, with the `git ls-remote` that finds the commit of `ref`. */
export function actionRemediation(uses: string): string {
  const at = uses.lastIndexOf('@');
  const target = at < 0 ? uses : uses.slice(0, at);
  const ref = at < 0 ? undefined : uses.slice(at + 1);
  if (target.startsWith('docker://')) {
    const image = target.slice('docker://'.length);
    return `pin the image by digest: \`uses: docker://${imageWithoutDigest(image)}@sha256:<digest>\`; look the digest up with \`docker buildx imagetools inspect ${image}\``;
  }
  const [owner = '', repo = ''] = target.split('/');
  const lookup = ref === undefined ? `git ls-remote https://github.com/${owner}/${repo} HEAD` : `git ls-remote https://github.com/${owner}/${repo} ${ref} ${ref}^{}`;
  return `pin to a full commit SHA and keep the version as a comment: \`uses: ${target}@<40-hex commit SHA>${ref === undefined ? '' : ` # ${ref}`}\`; find the commit with \`${lookup}\` (for an annotated tag, the \`^{}\` line), or let Dependabot or Renovate pin and update it`;
}

/** `FROM image:tag@sha256:<digest>`, with the command that prints the digest. */
export function imageRemediation(image: string, stageOf?: { readonly stage: string; readonly line: number }): string {
  if (stageOf !== undefined) return `pin the image stage \`${stageOf.stage}\` is built from (line ${stageOf.line}) by digest`;
  return `pin the image by digest, keeping the tag for readers: \`FROM ${imageWithoutDigest(image)}@sha256:<digest>\`; look the digest up with \`docker buildx imagetools inspect ${image}\` (or \`crane digest ${image}\`), or let Dependabot or Renovate pin and update it`;
}

function imageWithoutDigest(image: string): string {
  const at = image.indexOf('@');
  return at < 0 ? image : image.slice(0, at);
}

/** The fix of an unpinned command, by type; `snippet` is the command as written. */
export function commandRemediation(type: PinnedDependencyType, snippet: string): string {
  switch (type) {
    case 'downloadThenRun':
      return 'download to a file, check it against a known checksum, then run it: `curl -fsSLo install.sh <URL> && echo "<sha256>  install.sh" | sha256sum -c - && bash install.sh` (or fetch it from an immutable URL, such as a commit SHA instead of a branch)';
    case 'pipCommand':
      return snippet.includes(' -e ') || snippet.includes('--editable')
        ? 'install editable sources without their dependencies and from a full commit: `pip install --no-deps -e git+https://<host>/<repo>.git@<40-hex commit SHA>#egg=<name>`'
        : 'install from a requirements file with hashes: `pip install --require-hashes -r requirements.txt` (generate it with `pip-compile --generate-hashes` or `uv pip compile --generate-hashes`)';
    case 'npmCommand':
      return 'use `npm ci`, which installs exactly package-lock.json and checks its integrity hashes; add tools installed with `npm install -g` to package.json instead';
    case 'goCommand': {
      const target = /\bgo\s+(?:get|install)\s+(?:-\S+\s+)*([^\s@]+)/.exec(snippet)?.[1];
      return `install a full version or commit: \`go install ${target ?? '<package>'}@v<major>.<minor>.<patch>\` (or \`@<commit hash>\`), or list the tool in go.mod and run \`go install\` from the module`;
    }
    case 'chocoCommand':
      return 'require checksums and a version: `choco install <package> --version <version> --requirechecksums`';
    case 'nugetCommand':
      return 'name the version (`dotnet add package <name> --version <version>`, `nuget install <name> -Version <version>`) and restore from lock files: `<RestoreLockedMode>true</RestoreLockedMode>` in every .csproj with a committed packages.lock.json';
    case 'GitHubAction':
      return actionRemediation(snippet);
    case 'containerImage':
      return imageRemediation(snippet.replace(/^\s*FROM\s+/i, '').split(/\s+/)[0] ?? snippet);
  }
}
