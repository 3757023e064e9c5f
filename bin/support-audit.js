#!/usr/bin/env node
// The command runs the compiled TypeScript (built by `npm ci` through `prepare`).
import { main } from '../dist/cli.js';

main(process.argv);
