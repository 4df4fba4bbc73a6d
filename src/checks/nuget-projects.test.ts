import { describe, expect, it } from 'vitest';
import { centralPackageManagement, isDirectoryProps, isFixedVersion, isProjectFile, lockedModes, postProcessNuget, restoreLockedMode } from './nuget-projects.js';
import type { PinnedDependency } from './pinned-dependency.js';
import { memoryRepository } from './repository.js';

const project = (lockedMode?: string): string => `<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>${lockedMode === undefined ? '' : `<PropertyGroup><RestoreLockedMode>${lockedMode}</RestoreLockedMode></PropertyGroup>`}</Project>`;
const command = (pinned = false): PinnedDependency => ({ type: 'nugetCommand', pinned, file: 'build.sh', line: 1, endLine: 1, snippet: 'dotnet add package X' });

describe('.NET project files', () => {
  it('reads RestoreLockedMode as Go reads a boolean', () => {
    expect(restoreLockedMode(project('true'))).toBe(true);
    expect(restoreLockedMode(project(' 1 '))).toBe(true);
    expect(restoreLockedMode(project('false'))).toBe(false);
    expect(restoreLockedMode(project())).toBe(false);
    expect(restoreLockedMode(project('$(Locked)'))).toBeUndefined();
    expect(restoreLockedMode('<Project')).toBeUndefined();
    expect(restoreLockedMode('<project/>')).toBeUndefined();
    expect(restoreLockedMode('')).toBeUndefined();
  });

  it('reads central package management and which versions are exact', () => {
    const props = '<Project><PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup><ItemGroup><PackageVersion Include="A" Version="[1.2.3]" /><PackageVersion Include="B" Version="[1.0,2.0)" /><PackageVersion Include="C" /></ItemGroup></Project>';
    expect(centralPackageManagement(props)).toEqual({ enabled: true, packages: [{ name: 'A', version: '[1.2.3]', fixed: true }, { name: 'B', version: '[1.0,2.0)', fixed: false }, { name: 'C', version: '', fixed: false }] });
    expect(centralPackageManagement('<Project><ItemGroup><PackageVersion Include="A" Version="1.0.0" /></ItemGroup></Project>')).toEqual({ enabled: false, packages: [] });
    expect(['1.2.3', '1.2.3-beta.1', '1.0.0-alpha2', '[1.2]', '$(Version)'].every(isFixedVersion)).toBe(true);
    expect(['1.2', '1.*', '[1.0,2.0)', ''].some(isFixedVersion)).toBe(false);
  });

  it('matches project files by name, ignoring case', () => {
    expect(isProjectFile('src/App.CSPROJ')).toBe(true);
    expect(isDirectoryProps('Directory.Packages.props')).toBe(true);
    expect(isDirectoryProps('directory.build.PROPS')).toBe(true);
    expect(isDirectoryProps('Directory.props')).toBe(false);
  });

  it('pins nuget commands when every project restores in locked mode', () => {
    const dependencies = [command(), command(true)];
    postProcessNuget(memoryRepository({ 'a/A.csproj': project('true'), 'b/B.csproj': project('true'), 'c/Broken.csproj': '<Project' }), dependencies);
    expect(dependencies.map((dependency) => dependency.pinned)).toEqual([true, true]);
  });

  it('leaves them unpinned with a note when only some projects are locked', () => {
    const files = memoryRepository({ 'a/A.csproj': project('true'), 'b/B.csproj': project() });
    const dependencies = [command()];
    postProcessNuget(files, dependencies);
    expect(dependencies[0]).toMatchObject({ pinned: false, remediationNote: 'some of your csproj files set the RestoreLockedMode property to true, while other do not set it: b/B.csproj' });
    expect(lockedModes(files)).toEqual([{ path: 'a/A.csproj', locked: true }, { path: 'b/B.csproj', locked: false }]);
  });

  it('follows central package management: pinned when every version is exact', () => {
    const cpm = (version: string): string => `<Project><PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup><ItemGroup><PackageVersion Include="A" Version="${version}" /></ItemGroup></Project>`;
    const exact = [command()];
    postProcessNuget(memoryRepository({ 'Directory.Packages.props': cpm('[1.2.3]'), 'A.csproj': project() }), exact);
    expect(exact[0]?.pinned).toBe(true);
    const ranged = [command()];
    postProcessNuget(memoryRepository({ 'Directory.Packages.props': cpm('1.*') }), ranged);
    expect(ranged[0]).toMatchObject({ pinned: false, remediationNote: 'some of dependency versions are not fixes to specific versions: 1.*' });
  });
});
