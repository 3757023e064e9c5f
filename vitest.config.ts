import { defineConfig } from 'vitest/config';
import { BENCH_TESTS, CLI_TESTS } from './test/projects.js';

// Three projects (README "Development"): `unit` runs in this process, `cli` starts the command (or
// another program), `bench` compares the engines on a generated 1M-row export (minutes, not
// seconds). `npm test` runs all three; `npm run test:unit` and `npm run test:cli` one each,
// `npx vitest run --project bench` the third.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...CLI_TESTS, ...BENCH_TESTS], isolate: false } },
      { extends: true, test: { name: 'cli', include: [...CLI_TESTS] } },
      { extends: true, test: { name: 'bench', include: [...BENCH_TESTS], testTimeout: 600_000 } },
    ],
  },
});
