#!/usr/bin/env node
// The command runs the compiled TypeScript (built by `npm ci` through `prepare`).
// Heap sizing first, before anything else loads (src/heap-flags.ts; worker threads inherit it).
const { applyHeapFlags } = await import('../dist/heap-flags.js');
applyHeapFlags();

const { main } = await import('../dist/cli.js');
main(process.argv);
