// The executable entry: bin/trustline loads the bundled form of this file.
import type { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { main } from './main.js';

// Most runs are short (an SBOM or a scan of a large lockfile takes a tenth of a second), and in a
// short run V8's optimizing compiler costs more than it saves: it compiles hot functions on
// background threads that compete with the main thread and the garbage collector for the CPU, and
// the run is over before the optimized code pays off. A larger interrupt budget (the bytecode a
// function runs before it is considered for optimization; 67,584 by default in Node 20) keeps
// short runs in the interpreter and baseline code while long ones still optimize. Measured on two
// cores, interleaved runs: `sbom` of 1,815 packages 154 -> 130 ms; `check` of 50,000 files
// unchanged at ~2 s. Four times the default: a budget of 1,000,000 gained no more on `sbom` and
// cost long runs 3-7% (`check`, `db import` of 30,000 advisories). Only the command-line entry
// sets it: the library leaves its host's engine alone.
setFlagsFromString('--interrupt-budget=270336');

const outputStreams = [process.stdout, process.stderr];

// A reader that stops early (`trustline scan | head`) closes the pipe: the rest of the output has
// nowhere to go, which is no error of ours. Without a handler Node throws an unhandled EPIPE.
for (const stream of outputStreams) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));

// Exit now rather than when the event loop runs dry: before that, Node waits for V8's background
// work (optimizing compilations, concurrent marking) that a finished run no longer needs, ~5 ms of
// a 170 ms `trustline sbom` (measured). Where writes to stdout and stderr are asynchronous (pipes
// on macOS, Windows consoles) they must reach their reader first.
await Promise.all(outputStreams.map(flushed));
process.exit();

/** Resolves once everything written to `stream` so far has been handed to the system (or failed). */
function flushed(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    stream.write('', () => {
      resolve();
    });
  });
}
