/**
 * The inventory of a project: every package found in its lockfiles, manifests and SBOMs, with
 * the dependency graph between them.
 */

/** Our own classification of why a dependency is there, where the format tells. */
export type DependencyScope = 'prod' | 'dev' | 'optional' | 'peer';

/** Where a component was declared: a file relative to the scanned path, and a 1-based line. */
export interface SourceLocation {
  readonly file: string;
  readonly line?: number;
}

/** One package found in an input. */
export interface Component {
  /** As OSV spells it: npm keeps `@scope/`, Maven is `groupId:artifactId`, Go's toolchain is `stdlib`. */
  readonly name: string;
  /**
   * Exactly as written in the input; `""` when the input names none (git or path dependencies,
   * unpinned requirements). For an unpinned requirement it is the bound (`>=1.2` gives `1.2`),
   * which later stages must not take for the installed version: see `unpinned`.
   */
  readonly version: string;
  /** The OSV ecosystem name (`npm`, `PyPI`, `crates.io`, ...). */
  readonly ecosystem: string;
  /** The Package URL; it identifies the component in `edges`. */
  readonly purl: string;
  /**
   * Dependency groups as the format names them: `[]` for a normal dependency, else `dev`,
   * `optional`, `bundled`, `test`, `requires`, Python group names, ...
   */
  readonly groups: readonly string[];
  /** prod, dev, optional or peer, where the format tells. */
  readonly scope?: DependencyScope;
  /** Declared by the project itself (true) or brought in by another package (false); absent when the format cannot tell. */
  readonly direct?: boolean;
  /** True when the input declares a range rather than one version (a manifest without a lockfile, `>=1.2`). */
  readonly unpinned?: boolean;
  /** The declared range, when `unpinned`. */
  readonly versionRange?: string;
  readonly location: SourceLocation;
  /** The VCS commit of a dependency taken from git. */
  readonly commit?: string;
  /** The integrity hash the lockfile records (`sha512-...`). */
  readonly integrity?: string;
  /** Where the package was resolved from (a registry tarball URL, a git URL). */
  readonly resolved?: string;
  /** SPDX licence expressions, where the input records them. */
  readonly licenses?: readonly string[];
  /** Format-specific details (requirement text, version comparator, hashes, Maven type and classifier, checksums). */
  readonly meta?: Readonly<Record<string, unknown>>;
}

/** `from` depends on `to`; both are component purls. */
export interface DependencyEdge {
  readonly from: string;
  readonly to: string;
}

/** A problem found while reading an input: never fatal to the rest of the run. */
export interface InventoryProblem {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

/** What one extractor read from one file. */
export interface Extraction {
  readonly components: readonly Component[];
  readonly edges: readonly DependencyEdge[];
  readonly problems: readonly InventoryProblem[];
}

/** A directory holding at least one lockfile, manifest or SBOM: one dependency graph. */
export interface InventoryProject {
  /** The directory, relative to the scanned path (`.` for the path itself). */
  readonly path: string;
  /** The input files read in it, relative to the scanned path. */
  readonly files: readonly string[];
}

/** Everything found under a scanned path. */
export interface Inventory {
  /** The scanned path as given. */
  readonly root: string;
  readonly projects: readonly InventoryProject[];
  /** Every component, each located in its file (relative to `root`). */
  readonly components: readonly Component[];
  /** Dependency edges between component purls. */
  readonly edges: readonly DependencyEdge[];
  /** Problems found while reading; each file that had one is named. */
  readonly errors: readonly InventoryProblem[];
}
