import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { OptionValues } from 'commander';
import { ExitCode, TrustlineError, worstExitCode } from '../errors.js';
import { createContext } from './context.js';
import type { CliContext, GlobalOptions } from './context.js';
import type { InventoryCommandOptions } from './commands/inventory.js';
import type { SbomCommandOptions } from './commands/sbom.js';
import type { ScanCommandOptions } from './commands/scan.js';
import type { CheckCommandOptions } from './commands/check.js';
import type { DbUpdateOptions } from './commands/db-update.js';
import { processIo } from './io.js';
import type { CliIo } from './io.js';
import { trustlineVersion } from './version.js';

const exitCodeHelp = `
Exit codes:
  0  success
  1  the policy failed (findings at or above the threshold, a failed check)
  2  bad usage or bad input (unknown option, missing path, unreadable file)
  3  environment failure (network, database, permissions) or an internal error
  When several apply, the highest wins.

Environment:
  TRUSTLINE_HOME   data directory (default $XDG_DATA_HOME/trustline or ~/.local/share/trustline)
  DATABASE_URL     use this PostgreSQL database instead of the embedded SQLite file
  HTTPS_PROXY, HTTP_PROXY, NO_PROXY   proxy for network sources
  NO_COLOR         turn colour off (as does a non-terminal output)
`;

/** A command's action: resolves to its exit code (0, or 1 when its policy failed, or 2 for bad input it reported). */
type Action<O extends OptionValues> = (context: CliContext, options: O, args: readonly string[]) => Promise<ExitCode>;

/**
 * Runs the CLI with `argv` (without `node` and the script) and resolves to the exit code. Only
 * this function decides exit codes; commands and the library throw typed errors.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  let exitCode: ExitCode = ExitCode.ok;
  let debug = argv.includes('--debug');
  const program = buildProgram(io, (code) => {
    exitCode = worstExitCode(exitCode, code);
  });

  try {
    if (argv.length === 0) {
      io.stderr.write(program.helpInformation());
      return ExitCode.badInput;
    }
    await program.parseAsync([...argv], { from: 'user' });
    debug = (program.opts<GlobalOptions>().debug ?? false) || debug;
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end the run successfully; every other parse failure is bad usage.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
    }
    return worstExitCode(exitCode, reportError(error, io, debug));
  }
}

function buildProgram(io: CliIo, recordExit: (code: ExitCode) => void): Command {
  const program = new Command('trustline')
    .description('Trusted security signals for the open-source dependencies you use and the projects you maintain.')
    .version(trustlineVersion(), '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'show help for a command')
    .option('--config <file>', 'use this trustline.yaml instead of the nearest one above the target')
    .option('--data-dir <dir>', 'data directory (database, HTTP cache); default $TRUSTLINE_HOME or the XDG data dir')
    .option('--offline', 'use local data only; never touch the network')
    .option('-q, --quiet', 'print only results and errors')
    .option('--no-color', 'turn colour off (also NO_COLOR, and any non-terminal output)')
    .option('--debug', 'print stack traces and internal details on errors')
    .addHelpText('after', exitCodeHelp)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => {
        write(`trustline: ${text.replace(/^error: /, '')}`);
      },
    });

  const run =
    <O extends OptionValues>(action: Action<O>) =>
    async (...received: unknown[]): Promise<void> => {
      // Commander passes the positional arguments, then the options, then the command.
      const command = received.at(-1) as Command;
      const options = command.opts<O>();
      const args = received.slice(0, -2).flatMap((arg) => (Array.isArray(arg) ? (arg as string[]) : arg === undefined ? [] : [arg as string]));
      const context = createContext(command.optsWithGlobals<GlobalOptions>(), io);
      // Every command reads the config of its target (its first path, else the working
      // directory) first, so a bad trustline.yaml is reported the same way everywhere.
      await context.config(args[0] ?? io.cwd);
      recordExit(await action(context, options, args));
    };

  const db = program
    .command('db')
    .description('the advisory database: what it holds and where it lives')
    .exitOverride();
  withOutputOptions(db.command('status'), ['table', 'json'], 'table')
    .description('show the database engine and location, advisories per ecosystem, sources and their age')
    .exitOverride()
    .action(
      run<{ format: 'table' | 'json'; output?: string }>(async (context, options) => {
        const { dbStatus } = await import('./commands/db-status.js');
        return dbStatus(context, options);
      }),
    );

  withOutputOptions(db.command('update'), ['table', 'json'], 'table')
    .description("fetch OSV.dev's advisory exports (or --source) into the database; unchanged exports are not downloaded again")
    .option('--ecosystem <name>', 'an OSV ecosystem to fetch (repeatable); default: every ecosystem fetched before', collect, [])
    .option('--source <url-or-path>', 'fetch this export zip URL or import this folder or zip instead of OSV.dev (repeatable)', collect, [])
    .option('--osv-export-url <url>', "fetch from this mirror of OSV.dev's layout; also TRUSTLINE_OSV_EXPORT_URL, advisories.exportUrl in trustline.yaml")
    .exitOverride()
    .action(
      run<DbUpdateOptions>(async (context, options) => {
        const { dbUpdate } = await import('./commands/db-update.js');
        return dbUpdate(context, options);
      }),
    );

  withOutputOptions(db.command('import'), ['table', 'json'], 'table')
    .description('import OSV advisories from a folder (searched for .json records and export .zip files), a zip, or a record')
    .argument('<path>', 'an OSV folder, an export zip (<Ecosystem>/all.zip) or one record')
    .exitOverride()
    .action(
      run<{ format: 'table' | 'json'; output?: string }>(async (context, options, args) => {
        const { dbImport } = await import('./commands/db-import.js');
        return dbImport(context, args[0] ?? '', options);
      }),
    );

  withInputOptions(withOutputOptions(program.command('scan'), ['table', 'json', 'sarif', 'markdown', 'cyclonedx-json'], 'table'))
    .description('list every known vulnerability and malicious package affecting folders, lockfiles, manifests or SBOMs, with the upgrade that fixes it')
    .argument('[paths...]', 'folders (searched recursively), lockfiles, manifests or SBOMs; default .')
    .option('--advisories <source>', 'import OSV advisories first from a folder, an export zip or an https URL to one (repeatable); kept in the store for later scans', collect, [])
    .addOption(new Option('--fail-on <level>', 'exit 1 for a finding at this severity or above; malicious packages always fail; unknown severities fail only with any').choices(['any', 'low', 'medium', 'high', 'critical']).default('any'))
    .addOption(new Option('--omit <scope>', 'leave dependencies of this scope out: dev, optional or peer (repeatable)').argParser(collectChoice(['dev', 'optional', 'peer'])).default([]))
    .option('--osv-export-url <url>', "fetch OSV exports from this mirror of OSV.dev's layout (<url>/<Ecosystem>/all.zip); also TRUSTLINE_OSV_EXPORT_URL, advisories.exportUrl in trustline.yaml")
    .addHelpText(
      'after',
      `
Online (the default), the scan first fetches OSV.dev's export of each ecosystem the project uses
that the store has no advisories for, and refreshes exports older than an hour (a conditional
request: unchanged data is not downloaded again). With --offline it uses the store as it is, and
exits 3 when the store has no advisories for the project's ecosystems.
Exit 1 when a finding at or above --fail-on is not covered by an ignore: entry of trustline.yaml.`,
    )
    .exitOverride()
    .action(
      run<ScanCommandOptions>(async (context, options, args) => {
        const { scanCommand } = await import('./commands/scan.js');
        return scanCommand(context, args.length === 0 ? ['.'] : args, options);
      }),
    );

  withOutputOptions(program.command('check'), ['table', 'json', 'scorecard-json', 'sarif'], 'table')
    .description("check a repository's security posture with OpenSSF Scorecard's checks and scoring, with the evidence and the fix of every finding")
    .argument('[target]', 'a local folder (a git repository adds history checks) or https://github.com/OWNER/REPO', '.')
    .option('--scorecard-compat', "reproduce Scorecard's results exactly (Trustline's documented improvements off)")
    .option('--min-score <n>', 'exit 1 when the aggregate score is below N (0 to 10)', parseScore)
    .option('--require <check>', 'exit 1 when CHECK scores below 10, or below MIN with CHECK=MIN (repeatable; a check that cannot run fails it)', collect, [])
    .option('--check <name>', 'run only this check (repeatable)', collect, [])
    .option('--github-api-url <url>', 'the GitHub REST API root for GitHub Enterprise (https://HOST/api/v3)')
    .addHelpText(
      'after',
      `
A GitHub URL, or a token in GITHUB_TOKEN or GH_TOKEN with a local clone whose origin is on GitHub,
adds the checks that need the GitHub API (Branch-Protection, Code-Review, Signed-Releases, ...).
Checks that cannot run score ? (-1) with the reason and are left out of the aggregate.`,
    )
    .exitOverride()
    .action(
      run<CheckCommandOptions>(async (context, options, args) => {
        const { checkCommand } = await import('./commands/check.js');
        return checkCommand(context, args[0] ?? '.', options);
      }),
    );

  withInputOptions(withOutputOptions(program.command('inventory'), ['table', 'json'], 'table'))
    .description('list every package in a folder, lockfile, manifest or SBOM: version, ecosystem, scope, where it is declared')
    .argument('[path]', 'a folder (searched recursively), a lockfile, a manifest or an SBOM', '.')
    .option('--why <package>', 'print every dependency path from a direct dependency to NAME or NAME@VERSION')
    .exitOverride()
    .action(
      run<InventoryCommandOptions>(async (context, options, args) => {
        const { inventoryCommand } = await import('./commands/inventory.js');
        return inventoryCommand(context, args[0] ?? '.', options);
      }),
    );

  withInputOptions(withOutputOptions(program.command('sbom'), ['cyclonedx-json', 'cyclonedx-xml', 'spdx-json'], 'cyclonedx-json'))
    .description('write the inventory of a folder, lockfile or manifest as a CycloneDX 1.6 or SPDX 2.3 SBOM')
    .argument('[path]', 'a folder (searched recursively), a lockfile, a manifest or an SBOM', '.')
    .option('--deterministic', 'byte-identical output for the same input: serial number from the content, no timestamp unless SOURCE_DATE_EPOCH is set')
    .exitOverride()
    .action(
      run<SbomCommandOptions>(async (context, options, args) => {
        const { sbomCommand } = await import('./commands/sbom.js');
        return sbomCommand(context, args[0] ?? '.', options);
      }),
    );

  return program;
}

/**
 * The formats `--parse-as` takes. Listed here, not imported from the inventory, so that `--help`
 * does not load every extractor; a test checks this list against the registry.
 */
export const parseAsFormats = [
  'apk-installed', 'bun-lock', 'cargo-lock', 'cargo-toml', 'composer-lock', 'conan-lock', 'csproj', 'cyclonedx-json',
  'cyclonedx-xml', 'dpkg-status', 'gemfile', 'gemfile-lock', 'go-mod', 'gradle-lockfile', 'maven-pom', 'mix-lock',
  'npm-package-lock', 'nuget-packages-lock', 'package-json', 'pdm-lock', 'pip-requirements', 'pipfile-lock',
  'pnpm-lock', 'poetry-lock', 'pubspec-lock', 'pylock', 'pyproject-toml', 'renv-lock', 'spdx-json', 'spdx-tag-value',
  'uv-lock', 'yarn-lock',
] as const;

/** The options of every command that reads a path's packages (inventory, sbom, scan). */
function withInputOptions(command: Command): Command {
  return command
    .option('--parse-as <format>', `read the file as this format whatever its name: ${parseAsFormats.join(', ')}`)
    .option('--no-recursive', 'read only the given folder, not its subfolders')
    .option('--exclude <glob>', 'skip paths matching this glob (repeatable; also exclude: in trustline.yaml)', collect, [])
    .option('--max-file-size <size>', 'largest input file to read, in bytes or with K, M, G (default 64M)', parseSize);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A repeatable option whose values must be among `choices`. */
function collectChoice(choices: readonly string[]): (value: string, previous: string[]) => string[] {
  return (value, previous) => {
    if (!choices.includes(value)) throw new InvalidArgumentError(`expected one of ${choices.join(', ')}`);
    return [...previous, value];
  };
}

/** A score from 0 to 10, with decimals. */
function parseScore(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 10) throw new InvalidArgumentError('expected a score from 0 to 10');
  return value;
}

/** `1048576`, `512K`, `64M`, `1G`. */
export function parseSize(text: string): number {
  const match = /^(\d+)\s*([kmg]?)i?b?$/i.exec(text.trim());
  if (match === null) throw new InvalidArgumentError('expected a size such as 1048576, 512K, 64M or 1G');
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(match[2] ?? '').toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(match[1]) * unit;
}

/** `--format` with the command's own choices and default, and `--output`. */
function withOutputOptions(command: Command, formats: readonly string[], defaultFormat: string): Command {
  return command
    .addOption(
      new Option('-f, --format <format>', `output format: ${formats.join(', ')}`).choices(formats).default(defaultFormat),
    )
    .option('-o, --output <file>', 'write the result to this file (whole or not at all) instead of stdout');
}

/** Prints one line for an error (and its stack with --debug) and returns its exit code. */
function reportError(error: unknown, io: CliIo, debug: boolean): ExitCode {
  if (error instanceof TrustlineError) {
    io.stderr.write(`trustline: ${error.oneLine()}\n`);
    if (debug) io.stderr.write(`${stackOf(error)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`trustline: internal error: ${message.split('\n')[0] ?? ''}${debug ? '' : ' (run with --debug for details, and please report it)'}\n`);
  if (debug) io.stderr.write(`${stackOf(error)}\n`);
  return ExitCode.environment;
}

function stackOf(error: unknown): string {
  const lines: string[] = [];
  for (let current: unknown = error; current !== undefined; current = (current as { cause?: unknown }).cause) {
    if (!(current instanceof Error)) {
      lines.push(JSON.stringify(current));
      break;
    }
    lines.push(current.stack ?? current.message);
  }
  return lines.join('\ncaused by: ');
}
