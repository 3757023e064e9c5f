// `npm run bench`: side by side on seeded synthetic Zendesk exports (bench/generate.mjs), each run
// in its own child process: a bare csv-parse pass (bench/bare.mjs), the audit on one thread, the
// audit on every core, and DuckDB (bench/duckdb.mjs) for scale. Wall time is measured here around
// the child (node start-up included, for every row alike); peak memory is the child's own maxRSS
// (bench/report-rss.mjs), and the audit with --engine duckdb. Prints a table and writes
// bench/results.json (not committed).
//
//   npm run bench                      100k and 1M rows
//   npm run bench -- --quick           100k rows only
//   npm run bench -- --rows 250000     one size of your choice
//   npm run bench -- --5m              also the memory check at 5M rows (audit only; ~1.6 GB file)
//   npm run bench -- --reps 3          best of 3 rounds (each round runs every command once; default 1)

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const data = `${root}bench/data/`;
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

const reps = Number(value('--reps') ?? 1);
const sizes = value('--rows') ? [Number(value('--rows'))] : flag('--quick') ? [100_000] : [100_000, 1_000_000];
const cores = availableParallelism();

function label(rows) {
  return rows % 1_000_000 === 0 ? `${rows / 1_000_000}m` : rows % 1000 === 0 ? `${rows / 1000}k` : String(rows);
}

/** The seeded file for `rows`, generated once; kept while the manifest says it is whole. */
async function dataset(rows) {
  mkdirSync(data, { recursive: true });
  const file = `${data}zendesk-${label(rows)}.csv`;
  const manifest = `${file}.json`;
  if (existsSync(file) && existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    if (m.rows === rows && m.bytes === statSync(file).size) return file;
  }
  process.stderr.write(`generating ${rows.toLocaleString('en-US')} rows into ${file}…\n`);
  await generate(rows, file);
  writeFileSync(manifest, JSON.stringify({ rows, bytes: statSync(file).size }));
  return file;
}

/** One child run: wall seconds (measured here) and peak RSS in MB (reported by the child). */
function measure(argv) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', `${root}bench/report-rss.mjs`, ...argv], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rss = /@@maxrss (\d+)/.exec(stderr);
      // The audit exits 1 when the gate fails (it does on this synthetic data): not an error.
      if (!rss || code > 1) return reject(new Error(`${argv.join(' ')} failed (exit ${code}): ${stderr.slice(0, 500)}`));
      resolve({ seconds, rssMb: Number(rss[1]) / 1024 });
    });
  });
}

/**
 * Each run's fastest wall time (and highest peak RSS) over `reps` rounds. A round runs every
 * command once, one after the other, so that a slow spell on a shared machine hits all of them
 * alike rather than all the repetitions of one: the ratios are what the targets are about.
 */
async function bestOfRounds(commands) {
  const best = commands.map(() => undefined);
  for (let round = 0; round < reps; round++) {
    for (let i = 0; i < commands.length; i++) {
      const r = await measure(commands[i][1]);
      const b = best[i];
      best[i] = { seconds: Math.min(r.seconds, b?.seconds ?? Infinity), rssMb: Math.max(r.rssMb, b?.rssMb ?? 0) };
    }
  }
  return commands.map(([name], i) => ({ name, ...best[i] }));
}

const cli = `${root}bin/support-audit.js`;
const runs = (file) => [
  ['bare csv-parse pass', [`${root}bench/bare.mjs`, file]],
  ['audit --jobs 1', [cli, 'audit', file, '--jobs', '1']],
  [`audit --jobs ${cores} (all cores)`, [cli, 'audit', file, '--jobs', String(cores)]],
  ['DuckDB first response per channel', [`${root}bench/duckdb.mjs`, file]],
  // The rules computed in DuckDB (docs/sql.md): the export read and mapped as always, then judged there.
  ['audit --engine duckdb', [cli, 'audit', file, '--engine', 'duckdb']],
];

function table(rows, results) {
  const bare = results[0].seconds;
  const lines = [`${label(rows)} rows`, `${'run'.padEnd(36)} ${'wall s'.padStart(8)} ${'rows/s'.padStart(11)} ${'vs bare'.padStart(8)} ${'peak RSS MB'.padStart(12)}`];
  for (const r of results) {
    lines.push(`${r.name.padEnd(36)} ${r.seconds.toFixed(2).padStart(8)} ${Math.round(rows / r.seconds).toLocaleString('en-US').padStart(11)} ${(r.seconds / bare).toFixed(2).padStart(7)}x ${r.rssMb.toFixed(0).padStart(12)}`);
  }
  return lines.join('\n');
}

const machine = {
  cores,
  cpu: cpus()[0]?.model ?? 'unknown',
  ram_gb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
};
process.stderr.write(`machine: ${machine.cores} cores, ${machine.cpu}, ${machine.ram_gb} GB RAM, node ${machine.node}; best of ${reps}\n\n`);

const output = { date: new Date().toISOString(), machine, reps, sizes: [] };
for (const rows of sizes) {
  const file = await dataset(rows);
  const results = await bestOfRounds(runs(file));
  const bare = results[0].seconds;
  output.sizes.push({ rows, bytes: statSync(file).size, runs: results.map((r) => ({ ...r, rows_per_second: rows / r.seconds, ratio: r.seconds / bare })) });
  process.stdout.write(`${table(rows, results)}\n\n`);
}

if (flag('--5m')) {
  // Flat memory: the audit's peak at 5M rows against its peak at 1M (time is not the point here).
  const rows = 5_000_000;
  const file = await dataset(rows);
  const results = await bestOfRounds(runs(file).slice(0, 3));
  output.memory_5m = { rows, bytes: statSync(file).size, runs: results };
  process.stdout.write(`${table(rows, results)}\n\n`);
}

writeFileSync(`${root}bench/results.json`, `${JSON.stringify(output, null, 2)}\n`);
process.stderr.write('written: bench/results.json\n');
