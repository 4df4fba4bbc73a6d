// The executable entry: bin/trustline loads the bundled form of this file.
import { main } from './main.js';

// A reader that stops early (`trustline scan | head`) closes the pipe: the rest of the output has
// nowhere to go, which is no error of ours. Without a handler Node throws an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
