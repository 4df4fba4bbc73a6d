import { describe, expect, it } from 'vitest';
import { assertExtractsAnyText } from '../../../test/any-text.js';
import { csprojExtractor, readRequirement } from './csproj.js';
import { treeFile } from '../../../test/source-file.js';

const extract = (text: string) => csprojExtractor.extract({ path: 'App.csproj', text, readRelated: () => undefined });

describe('csprojExtractor', () => {
  it('matches .csproj, .fsproj and .vbproj files by the last path segment', () => {
    expect(csprojExtractor.matches('src/App/App.csproj')).toBe(true);
    expect(csprojExtractor.matches('Lib.fsproj')).toBe(true);
    expect(csprojExtractor.matches('Old.VBPROJ')).toBe(true);
    expect(csprojExtractor.matches('App.csproj.user')).toBe(false);
    expect(csprojExtractor.matches('.csproj')).toBe(false);
  });

  it('reads PackageReference items with the version as an attribute or a child element, at their line', () => {
    const result = extract(`<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
    <PackageReference Include="Serilog">
      <Version>3.1.1</Version>
    </PackageReference>
  </ItemGroup>
</Project>`);
    expect(result.problems).toEqual([]);
    expect(result.components).toEqual([
      {
        name: 'Newtonsoft.Json',
        version: '13.0.3',
        ecosystem: 'NuGet',
        purl: 'pkg:nuget/Newtonsoft.Json@13.0.3',
        groups: [],
        direct: true,
        location: { file: 'App.csproj', line: 4 },
      },
      {
        name: 'Serilog',
        version: '3.1.1',
        ecosystem: 'NuGet',
        purl: 'pkg:nuget/Serilog@3.1.1',
        groups: [],
        direct: true,
        location: { file: 'App.csproj', line: 5 },
      },
    ]);
  });

  it('marks ranges and floating versions unpinned, with the inclusive lower bound as version', () => {
    const result = extract(`<Project><ItemGroup>
  <PackageReference Include="A" Version="[1.0,2.0)" />
  <PackageReference Include="B" Version="(1.0,2.0)" />
  <PackageReference Include="C" Version="[1.5]" />
  <PackageReference Include="D" Version="6.*" />
  <PackageReference Include="E" Version="(,3.0]" />
</ItemGroup></Project>`);
    expect(result.components.map((c) => [c.name, c.version, c.unpinned, c.versionRange])).toEqual([
      ['A', '1.0', true, '[1.0,2.0)'],
      ['B', '', true, '(1.0,2.0)'],
      ['C', '1.5', undefined, undefined],
      ['D', '', true, '6.*'],
      ['E', '', true, '(,3.0]'],
    ]);
  });

  it('reads a requirement the way NuGet writes ranges', () => {
    expect(readRequirement('1.2.3')).toEqual({ version: '1.2.3' });
    expect(readRequirement(' [ 1.2.3 , ) ')).toEqual({ version: '1.2.3', range: '[ 1.2.3 , )' });
    expect(readRequirement('[1.2.3]')).toEqual({ version: '1.2.3' });
    expect(readRequirement('')).toEqual({ version: '' });
  });

  it('expands $(Property) versions from the project, and leaves unknown ones empty', () => {
    const result = extract(`<Project>
  <PropertyGroup><Base>8.0</Base><EfVersion>$(Base).1</EfVersion></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.EntityFrameworkCore" Version="$(EfVersion)" />
    <PackageReference Include="Unknown" Version="$(Nowhere)" />
    <PackageReference Include="Function" Version="$([System.String]::Copy('1.0'))" />
  </ItemGroup>
</Project>`);
    expect(result.components.map((c) => [c.name, c.version])).toEqual([
      ['Microsoft.EntityFrameworkCore', '8.0.1'],
      ['Unknown', ''],
      ['Function', ''],
    ]);
  });

  it('splits Include lists, applies Update to earlier items and leaves items of targets out', () => {
    const result = extract(`<Project>
  <ItemGroup Condition="'$(TargetFramework)' == 'net48'">
    <PackageReference Include="A;B" Version="1.0.0" />
    <PackageReference Update="B" Version="2.0.0" />
    <PackageReference Update="Microsoft.NETCore.App" Version="9.9.9" />
  </ItemGroup>
  <Target Name="Later"><ItemGroup><PackageReference Include="Dynamic" Version="1.0.0" /></ItemGroup></Target>
</Project>`);
    expect(result.components.map((c) => [c.name, c.version, c.location.line])).toEqual([
      ['A', '1.0.0', 3],
      ['B', '2.0.0', 3],
    ]);
  });

  it('takes versions from the nearest Directory.Packages.props, with VersionOverride and global references', () => {
    const files = {
      'Directory.Packages.props': `<Project>
  <PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally><XunitVersion>2.6.2</XunitVersion></PropertyGroup>
  <ItemGroup>
    <PackageVersion Include="Newtonsoft.Json" Version="13.0.3" />
    <PackageVersion Include="xunit" Version="$(XunitVersion)" />
    <PackageVersion Include="Serilog" Version="3.0.0" />
    <GlobalPackageReference Include="Nerdbank.GitVersioning" Version="3.6.133" />
  </ItemGroup>
</Project>`,
      'src/App/App.csproj': `<Project Sdk="Microsoft.NET.Sdk">
  <ItemGroup>
    <PackageReference Include="newtonsoft.json" />
    <PackageReference Include="xunit" />
    <PackageReference Include="Serilog" VersionOverride="3.1.1" />
    <PackageReference Include="NotCentral" />
  </ItemGroup>
</Project>`,
    };
    const result = csprojExtractor.extract(treeFile(files, 'src/App/App.csproj'));
    expect(result.problems).toEqual([]);
    expect(result.components.map((c) => [c.name, c.version, c.location.file, c.location.line])).toEqual([
      ['newtonsoft.json', '13.0.3', 'src/App/App.csproj', 3],
      ['xunit', '2.6.2', 'src/App/App.csproj', 4],
      ['Serilog', '3.1.1', 'src/App/App.csproj', 5],
      ['NotCentral', '', 'src/App/App.csproj', 6],
      ['Nerdbank.GitVersioning', '3.6.133', 'Directory.Packages.props', 7],
    ]);
  });

  it('reports a malformed Directory.Packages.props against that file and keeps the project references', () => {
    const files = { 'Directory.Packages.props': '<Project><ItemGroup></Project>', 'App.csproj': '<Project><ItemGroup><PackageReference Include="A" Version="1.0" /></ItemGroup></Project>' };
    const result = csprojExtractor.extract(treeFile(files, 'App.csproj'));
    expect(result.components.map((c) => c.name)).toEqual(['A']);
    expect(result.problems.map((p) => p.file)).toEqual(['Directory.Packages.props']);
  });

  it('reports malformed XML and other root elements with no components', () => {
    const broken = extract('<Project>\n<ItemGroup>\n</Project>');
    expect(broken.components).toEqual([]);
    expect(broken.problems).toHaveLength(1);
    expect(broken.problems[0]?.line).toBe(3);
    expect(extract('<packages/>').problems).toEqual([{ file: 'App.csproj', line: 1, message: 'not an MSBuild project: the root element is <packages>' }]);
  });

  it('never expands external entities', () => {
    const result = extract(`<!DOCTYPE Project [<!ENTITY v SYSTEM "file:///etc/passwd">]><Project><ItemGroup><PackageReference Include="A" Version="&v;" /></ItemGroup></Project>`);
    expect(result.components).toEqual([]);
    expect(result.problems).toHaveLength(1);
  });

  it('never throws, whatever the text', () => {
    assertExtractsAnyText(csprojExtractor, { characters: '<>/="$()[],*; x1.\n', tokens: ['<Project>', '<PackageReference Include="A"', 'Version="', '</Project>'] }, { path: 'App.csproj', maxLength: 200 });
  });
});
