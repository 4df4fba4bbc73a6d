import { describe, expect, it } from 'vitest';
import { packageInstall } from './package-installs.js';

const words = (text: string): string[] => text.split(' ');

describe('package installs (Scorecard rules)', () => {
  it.each([
    ['go get github.com/ossf/scorecard', 'goCommand', false],
    ['go install github.com/org/name@v1.2.3', 'goCommand', true],
    ['go get -insecure github.com/org/name@v1.2.3', 'goCommand', false],
    ['go install github.com/org/name@1111111111ccccccccccaaaaaaaaaa9999999999', 'goCommand', true],
    ['go get somerepo.com/org/name@none', 'goCommand', true],
    ['go get -d -v', 'goCommand', true],
    ['pip install -r requirements.txt', 'pipCommand', false],
    ['pip install --require-hashes -r requirements.txt', 'pipCommand', true],
    ['pip install -r requirements.txt --require-hashes', 'pipCommand', true],
    ['python3 -m pip install somepkg', 'pipCommand', false],
    ['python -m pip install bla.whl', 'pipCommand', true],
    ['pip install --no-deps -e .', 'pipCommand', true],
    ['pip install -e .', 'pipCommand', false],
    ['pip install --no-deps -e git+https://github.com/u/r.git@0123456789abcdef0123456789abcdef01234567#egg=p', 'pipCommand', true],
    ['pip install --no-deps -e git+https://github.com/u/r.git@v1.0', 'pipCommand', false],
    ['npm install', 'npmCommand', false],
    ['npm ci', 'npmCommand', true],
    ['npm install github:nodeca/js-yaml#2cef47bebf60da141b78b085f3dea3b5733dcc12', 'npmCommand', true],
    ['npm install https://nodeca/js-yaml#2cef47bebf60da141b78b085f3dea3b5733dcc12', 'npmCommand', false],
    ["choco install 'x'", 'chocoCommand', false],
    ["choco install --requirechecksums=true 'x'", 'chocoCommand', true],
    ['nuget install Newtonsoft.Json', 'nugetCommand', false],
    ['nuget install Newtonsoft.Json -Version 2', 'nugetCommand', true],
    ['nuget install config\\packages.config', 'nugetCommand', true],
    ['dotnet add project1 package Newtonsoft.Json', 'nugetCommand', false],
    ['dotnet add package Newtonsoft.Json --version 2.0', 'nugetCommand', true],
    ['nuget restore', 'nugetCommand', false],
    ['nuget restore -LockedMode', 'nugetCommand', true],
    ['dotnet restore', 'nugetCommand', false],
    ['dotnet restore --locked-mode', 'nugetCommand', true],
    ['msbuild.exe /t:restore', 'nugetCommand', false],
    ['msbuild.exe /t:restore /p:RestoreLockedMode=true', 'nugetCommand', true],
  ] as const)('judges `%s` as %s pinned=%s', (command, type, pinned) => {
    expect(packageInstall(words(command))).toEqual({ type, pinned });
  });

  it('ignores commands that install nothing', () => {
    for (const command of ['go install', 'go mod download', 'dotnet build', 'dotnet add project1 reference Other', 'npm install-ci-test', 'python -m notpip -X bla', 'nuget help']) {
      expect(packageInstall(words(command)), command).toBeUndefined();
    }
  });
});
