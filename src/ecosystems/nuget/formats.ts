/**
 * The NuGet input formats as the inventory knows them before reading a file: name, ecosystem,
 * file-name rule and definition. The parsers live in the format files beside this one and are
 * imported only for a file that is read (src/ecosystems/extractors.ts), so this module imports no
 * parser and no library.
 */
import type { InputFormat } from '../extractor.js';

const ecosystem = 'NuGet';

const projectExtensions = ['.csproj', '.fsproj', '.vbproj'];

export const csprojFormat: InputFormat = {
  format: 'csproj',
  ecosystem,
  matches: (path) => {
    const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
    return projectExtensions.some((extension) => name.endsWith(extension) && name.length > extension.length);
  },
  definition: {
    short: '.NET project files (*.csproj, *.fsproj, *.vbproj): PackageReference items, with central versions from Directory.Packages.props',
    fileNames: ['*.csproj', '*.fsproj', '*.vbproj'],
  },
};

export const packagesLockFormat: InputFormat = {
  format: 'nuget-packages-lock',
  ecosystem,
  matches: (path) => path.slice(path.lastIndexOf('/') + 1) === 'packages.lock.json',
  definition: {
    short: 'packages.lock.json (NuGet lock file versions 1 and 2): the packages of every target framework, direct or transitive, with hashes and the graph',
    fileNames: ['packages.lock.json'],
  },
};
