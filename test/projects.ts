// Which test files belong to which vitest project (vitest.config.ts), decided by what a file does,
// not by its folder. `unit`: every test that runs in this process from the sources, without the
// build (policy, clock, map, rules, aggregate, renderers, the reader, the one-thread audit). `cli`:
// every test that starts the command (test/cli/run.ts, test/bad-input/helpers.ts,
// test/golden/golden.ts) or another program (the install from a tarball, the Action's script,
// Chromium for the HTML report), runs the audit's worker threads (they load the build,
// dist/parallel/worker.js), compiles a TypeScript program or runs audits on the DuckDB engine (a
// native database, loaded and filled for every audit). test/unit/projects.test.ts fails when
// a file that does one of these is missing here, or when a file listed here does none.

export const CLI_TESTS: readonly string[] = [
  'test/action/action.test.ts',
  'test/bad-input/bounds.test.ts',
  'test/bad-input/corpus.test.ts',
  'test/bad-input/escaping.test.ts',
  'test/bad-input/interrupt.test.ts',
  'test/bad-input/keys-cli.test.ts',
  'test/bad-input/output.test.ts',
  'test/bad-input/policy-cli.test.ts',
  'test/bad-input/privacy.test.ts',
  'test/bad-input/report-inputs.test.ts',
  'test/cli/cli.test.ts',
  'test/cli/encoding.test.ts',
  'test/cli/history.test.ts',
  'test/cli/width.test.ts',
  'test/cli/node-releases.test.ts',
  'test/cli/policy-check.test.ts',
  'test/cli/policy-describe.test.ts',
  'test/cli/progress.test.ts',
  'test/docs/readme.test.ts',
  'test/engine/clickhouse-client.test.ts',
  'test/engine/clickhouse-cluster.test.ts',
  'test/engine/clickhouse.test.ts',
  'test/golden/ceilings.test.ts',
  'test/golden/first-response.test.ts',
  'test/golden/no-data.test.ts',
  'test/golden/ratings.test.ts',
  'test/golden/returns.test.ts',
  'test/golden/tickets.test.ts',
  'test/golden/tiers.test.ts',
  'test/golden/waits.test.ts',
  'test/package/install.test.ts',
  'test/parallel/jobs-fuzz.test.ts',
  'test/parallel/jobs.test.ts',
  'test/parallel/warm.test.ts',
  'test/render/groups.test.ts',
  'test/render/html-browser.test.ts',
  'test/render/ticket-links.test.ts',
  'test/report/schema-cli.test.ts',
  'test/rules/defects.test.ts',
  'test/rules/registry-types.test.ts',
  'test/samples/support-desk.test.ts',
  'test/sql/breakdowns.test.ts',
  'test/sql/messages.test.ts',
  'test/sql/missing-duckdb.test.ts',
  'test/sql/parity.test.ts',
  'test/sql/property.test.ts',
  'test/sql/property-fields.test.ts',
  'test/sql/stage.test.ts',
  'test/sql/table-input.test.ts',
  'test/sql/unsupported.test.ts',
  'test/trust/as-of.test.ts',
  'test/trust/copies.test.ts',
  'test/trust/data-zone.test.ts',
  'test/trust/join.test.ts',
  'test/trust/nothing-measured.test.ts',
  'test/trust/policy-names-cli.test.ts',
];

/**
 * `bench`: the parity test on a generated 1M-row export, on its own with a long timeout (it
 * audits a million rows on both engines). It runs the DuckDB engine like the cli project's files.
 */
export const BENCH_TESTS: readonly string[] = ['test/sql/bench-parity.test.ts'];
