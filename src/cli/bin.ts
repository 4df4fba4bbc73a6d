// The executable entry: bin/trustline loads the bundled form of this file.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
