import { defineConfig } from 'vitest/config';
import { CLI_TESTS } from './test/projects.js';

// Two projects (README "Development"): `unit` runs in this process, `cli` starts the command (or
// another program). `npm test` runs both; `npm run test:unit` and `npm run test:cli` one each.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...CLI_TESTS], isolate: false } },
      { extends: true, test: { name: 'cli', include: [...CLI_TESTS] } },
    ],
  },
});
