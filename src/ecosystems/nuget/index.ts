/**
 * NuGet: the .NET package registry. Package ids are case-insensitive; versions use NuGet's
 * SemVer 2.0.0 order with four numeric parts.
 */
import type { Ecosystem } from '../ecosystem.js';
import { nugetScheme } from './versions.js';

export const ecosystem: Ecosystem = {
  name: 'NuGet',
  purlType: 'nuget',
  scheme: nugetScheme,
  // NuGet package ids are case-insensitive (nuget.org treats `Newtonsoft.Json` and
  // `newtonsoft.json` as one package); the lower-case form is the lookup key.
  normalizeName: (name) => name.toLowerCase(),
  definition: {
    short: 'NuGet, the .NET package registry; versions use the NuGet order of SemVer 2.0.0 with four numeric parts, pre-release labels ignoring case.',
    reference: 'https://learn.microsoft.com/nuget/concepts/package-versioning; https://github.com/NuGet/NuGet.Client (NuGet.Versioning VersionComparer)',
  },
};
