#!/usr/bin/env node
// The command runs the compiled TypeScript (built by `npm ci` through `prepare`).
import { setFlagsFromString } from 'node:v8';

// Let the heap grow by a fifth past what survived the last full collection, instead of V8's
// default of up to fourfold: an audit keeps little (counts, sketches, a bounded pool) while
// millions of short-lived rows stream through, and that headroom was most of its peak memory
// (README "Performance"). Only this growth factor is changed, and before anything is loaded;
// worker threads inherit it. (Flags that change how V8 collects, e.g. --single-threaded-gc,
// must not be set at run time: they crash V8. They are for the command line only.)
setFlagsFromString('--heap-growing-percent=20');

const { main } = await import('../dist/cli.js');
main(process.argv);
