// `npm run bench`: side by side on seeded synthetic Zendesk exports (bench/generate.mjs), for each
// shape of file, each run in its own child process: a bare csv-parse pass (bench/bare.mjs), the
// audit on one thread, the audit on every core, and DuckDB (bench/duckdb.mjs) answering one
// metric, and the audit with --engine duckdb (docs/sql.md). Wall time is measured here around the
// child (node start-up included, for every row alike); peak memory and CPU time (every thread's) are the child's own (bench/report-rss.mjs):
// on a machine other jobs load, CPU time moves far less than wall time. The ratios to the bare
// pass are taken within each round (a round runs every command once, one after the other, so that
// a slow spell on a shared machine hits all of them alike). Prints a table per shape and size and
// writes bench/results.json (not committed).
//
//   npm run bench                          every shape at 100k and 1M rows
//   npm run bench -- --quick               100k rows only
//   npm run bench -- --rows 250000         one size of your choice
//   npm run bench -- --5m                  also 5M rows (~1.3–1.9 GB a file)
//   npm run bench -- --shape realistic-21  one shape (or several, comma-separated)
//   npm run bench -- --reps 3              3 rounds (default 1): best wall time, range of ratios
//   npm run bench -- --instructions        instructions counted by valgrind instead of wall time
//                                          (repeatable within 1 %; slow: use with --quick)

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { generate, SHAPES } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const data = `${root}bench/data/`;
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

const reps = Number(value('--reps') ?? 1);
const sizes = value('--rows') ? [Number(value('--rows'))] : flag('--quick') ? [100_000] : [100_000, 1_000_000];
if (flag('--5m')) sizes.push(5_000_000);
const shapes = value('--shape') ? value('--shape').split(',') : SHAPES;
for (const shape of shapes) if (!SHAPES.includes(shape)) throw new Error(`unknown shape ${shape}: one of ${SHAPES.join(', ')}`);
const instructions = flag('--instructions');
const cores = availableParallelism();

function label(rows) {
  return rows % 1_000_000 === 0 ? `${rows / 1_000_000}m` : rows % 1000 === 0 ? `${rows / 1000}k` : String(rows);
}

/** The seeded file for `rows` of `shape`, generated once; kept while the manifest says it is whole. */
async function dataset(rows, shape) {
  mkdirSync(data, { recursive: true });
  const file = `${data}${shape}-${label(rows)}.csv`;
  const manifest = `${file}.json`;
  // The templated shape was called zendesk-<rows>.csv before there were shapes: the same bytes.
  const old = `${data}zendesk-${label(rows)}.csv`;
  if (shape === 'templated-41' && !existsSync(file) && existsSync(old) && existsSync(`${old}.json`)) {
    renameSync(old, file);
    renameSync(`${old}.json`, manifest);
  }
  if (existsSync(file) && existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    if (m.rows === rows && m.bytes === statSync(file).size) return file;
  }
  process.stderr.write(`generating ${rows.toLocaleString('en-US')} rows of ${shape} into ${file}…\n`);
  await generate(rows, file, 42, shape);
  writeFileSync(manifest, JSON.stringify({ rows, shape, bytes: statSync(file).size }));
  return file;
}

/** One child run: wall seconds (measured here), peak RSS in MB and CPU seconds (reported by the child), or instructions. */
function measure(argv) {
  const command = instructions
    ? ['valgrind', ['--tool=cachegrind', '--cache-sim=no', '--smc-check=all', '--cachegrind-out-file=/dev/null', process.execPath, ...argv]]
    : [process.execPath, ['--import', `${root}bench/report-rss.mjs`, ...argv]];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command[0], command[1], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // The audit exits 1 when the gate fails (it does on this synthetic data): not an error.
      if (code > 1) return reject(new Error(`${argv.join(' ')} failed (exit ${code}): ${stderr.slice(0, 500)}`));
      if (instructions) {
        const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr);
        if (!refs) return reject(new Error(`${argv.join(' ')}: no instruction count from valgrind`));
        return resolve({ seconds: Number(refs[1].replace(/,/g, '')) / 1e9, rssMb: NaN, cpu: NaN });
      }
      const rss = /@@maxrss (\d+) @@cpu (\d+)/.exec(stderr);
      if (!rss) return reject(new Error(`${argv.join(' ')}: no peak memory reported: ${stderr.slice(0, 500)}`));
      resolve({ seconds, rssMb: Number(rss[1]) / 1024, cpu: Number(rss[2]) / 1e6 });
    });
  });
}

/** Every command once per round; each one's best time, least CPU, highest peak and its ratios to the bare pass of each round. */
async function rounds(commands) {
  const results = commands.map(([name]) => ({ name, seconds: Infinity, cpu: Infinity, rssMb: 0, ratios: [], cpuRatios: [] }));
  for (let round = 0; round < reps; round++) {
    const times = [];
    const cpus = [];
    for (let i = 0; i < commands.length; i++) {
      const r = await measure(commands[i][1]);
      times.push(r.seconds);
      cpus.push(r.cpu);
      results[i].cpu = Math.min(results[i].cpu, r.cpu);
      results[i].seconds = Math.min(results[i].seconds, r.seconds);
      results[i].rssMb = Math.max(results[i].rssMb, r.rssMb);
    }
    for (let i = 0; i < commands.length; i++) {
      results[i].ratios.push(times[i] / times[0]);
      results[i].cpuRatios.push(cpus[i] / cpus[0]);
    }
  }
  return results;
}

const cli = `${root}bin/support-audit.js`;
const runs = (file) => [
  ['bare csv-parse pass', [`${root}bench/bare.mjs`, file]],
  ['audit --jobs 1', [cli, 'audit', file, '--jobs', '1']],
  [`audit --jobs ${cores} (default: all cores)`, [cli, 'audit', file, '--jobs', String(cores)]],
  ['DuckDB first response per channel', [`${root}bench/duckdb.mjs`, file]],
  // The rules computed in DuckDB (docs/sql.md): the export read and mapped as always, then judged there.
  ['audit --engine duckdb', [cli, 'audit', file, '--engine', 'duckdb']],
];

function ratioText(ratios) {
  const lo = Math.min(...ratios);
  const hi = Math.max(...ratios);
  return lo === hi ? `${lo.toFixed(2)}x` : `${lo.toFixed(2)}–${hi.toFixed(2)}x`;
}

function table(shape, rows, bytes, results) {
  const unit = instructions ? 'G instr' : 'wall s';
  const lines = [
    `${shape}, ${label(rows)} rows (${Math.round(bytes / 2 ** 20)} MB)`,
    `${'run'.padEnd(40)} ${unit.padStart(8)} ${'rows/s'.padStart(11)} ${'vs bare'.padStart(12)} ${'CPU s'.padStart(8)} ${'CPU vs bare'.padStart(12)} ${'peak RSS MB'.padStart(12)}`,
  ];
  for (const r of results) {
    const perSecond = instructions ? '' : Math.round(rows / r.seconds).toLocaleString('en-US');
    const rss = instructions ? '' : r.rssMb.toFixed(0);
    const cpu = instructions ? '' : r.cpu.toFixed(2);
    const cpuRatio = instructions ? '' : ratioText(r.cpuRatios);
    lines.push(
      `${r.name.padEnd(40)} ${r.seconds.toFixed(2).padStart(8)} ${perSecond.padStart(11)} ${ratioText(r.ratios).padStart(12)} ${cpu.padStart(8)} ${cpuRatio.padStart(12)} ${rss.padStart(12)}`,
    );
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
const what = instructions ? 'instructions (valgrind)' : `${reps} round${reps > 1 ? 's' : ''}`;
process.stderr.write(`machine: ${machine.cores} cores, ${machine.cpu}, ${machine.ram_gb} GB RAM, node ${machine.node}; ${what}\n\n`);

const output = { date: new Date().toISOString(), machine, reps, measure: instructions ? 'instructions' : 'wall', results: [] };
for (const rows of sizes) {
  for (const shape of shapes) {
    const file = await dataset(rows, shape);
    const bytes = statSync(file).size;
    const results = await rounds(runs(file));
    output.results.push({ shape, rows, bytes, runs: results });
    process.stdout.write(`${table(shape, rows, bytes, results)}\n\n`);
  }
}

writeFileSync(`${root}bench/results.json`, `${JSON.stringify(output, null, 2)}\n`);
process.stderr.write('written: bench/results.json\n');
