// The executable entry: bin/trustline loads the bundled form of this file.
import type { Writable } from 'node:stream';
import { main } from './main.js';

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
