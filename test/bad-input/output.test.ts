// Writing reports where hostile or unusual paths point (docs/bad-input.md "Writing reports"):
// standard output that fails, a full disk, devices, FIFOs and descriptors written in place,
// symbolic links followed only where the kernel's protected-symlinks rule would follow them,
// outputs that are inputs, unwritable folders. A run as root (cron, a CI container) is the normal
// case, so these run as root where they need to: devices are nodes made with mknod in a temporary
// folder, never the machine's own /dev/null or /dev/full (a failing run as root would replace them).
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  linkSync,
  lchownSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, hasStackTrace } from '../cli/run.js';
import { cli, tempDir, type Run } from './helpers.js';

const SAMPLE = join(ROOT, 'fixtures/samples/zendesk-tickets.csv');
/** The sample's zone is set, so that stderr holds only what a test looks for (no assumed-UTC warning). */
const ZONE = ['--timezone', 'UTC'];
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

let dir = '';
beforeAll(() => {
  dir = tempDir('output');
  chmodSync(dir, 0o755);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function fresh(name: string): string {
  const d = join(dir, name);
  mkdirSync(d);
  return d;
}

function oneSentence(run: Run, pattern: RegExp): void {
  expect(run.timedOut, 'the command hung').toBe(false);
  expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
  expect(run.stderr).not.toMatch(/internal error/);
  expect(run.code, run.stderr).toBe(2);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

/** Runs the command with its stdout (and more descriptors) on the given file descriptors. */
function runWithFds(args: string[], fds: number[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
      stdio: ['ignore', fds[0], 'pipe', ...fds.slice(1)],
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

function mknod(path: string, major: number, minor: number): boolean {
  return spawnSync('mknod', [path, 'c', String(major), String(minor)]).status === 0;
}

const leftovers = (d: string) => readdirSync(d).filter((n) => n.endsWith('.tmp'));

describe('standard output', () => {
  it('a write error on stdout (a full device) is exit 2 with one sentence, not a silent truncated report', async (ctx) => {
    const d = fresh('stdout-full');
    if (!asRoot || !mknod(join(d, 'full'), 1, 7)) return ctx.skip('needs root to make a device node with mknod');
    const fd = openSync(join(d, 'full'), 'w');
    try {
      const run = await runWithFds(['audit', SAMPLE, ...ZONE, '--format', 'html'], [fd]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr.trimEnd().split('\n')).toEqual(['error: cannot write the report to standard output: no space left on the device.']);
    } finally {
      closeSync(fd);
    }
    expect(statSync(join(d, 'full')).isCharacterDevice()).toBe(true);
  });

  it('a reader that goes away (EPIPE) stays silent', async () => {
    const child = spawn(process.execPath, [BIN, 'audit', SAMPLE, ...ZONE, '--format', 'html'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect([0, 1]).toContain(code);
    expect(stderr).toBe('');
  });

  it('-o - is standard output', async () => {
    const run = await cli(['audit', SAMPLE, ...ZONE, '--format', 'json', '-o', '-']);
    expect([0, 1]).toContain(run.code);
    expect(JSON.parse(run.stdout).schema).toBe('support-audit/report@1');
  });

  it('--output "" is a usage error, not silently ignored', async () => {
    const run = await cli(['audit', SAMPLE, ...ZONE, '--output', '']);
    oneSentence(run, /^error: --output needs a file name \(or - for standard output\)\.$/);
    expect(run.stdout).toBe('');
  });
});

describe('descriptors are written in place', () => {
  it('-o /dev/stdout >> log appends to the log, twice', () => {
    const log = join(fresh('append'), 'audit.log');
    writeFileSync(log, 'earlier line\n');
    const cmd = `"${process.execPath}" "${BIN}" audit "${SAMPLE}" --timezone UTC --format json -o /dev/stdout >> "${log}"`;
    for (let i = 0; i < 2; i++) spawnSync('sh', ['-c', cmd], { env: { ...process.env, NO_COLOR: '1' } });
    const text = readFileSync(log, 'utf8');
    expect(text.startsWith('earlier line\n')).toBe(true);
    expect(text.match(/"schema": "support-audit\/report@1"/g)).toHaveLength(2);
  });

  it('/dev/fd/N and /proc/self/fd/N write to the open descriptor N (appending where it appends)', async () => {
    const d = fresh('fd');
    for (const [name, path] of [
      ['fd.log', '/dev/fd/3'],
      ['proc.log', '/proc/self/fd/3'],
    ] as const) {
      if (path.startsWith('/proc') && !existsSync('/proc/self/fd')) continue;
      writeFileSync(join(d, name), 'kept\n');
      const fd = openSync(join(d, name), 'a');
      const run = await runWithFds(['audit', SAMPLE, ...ZONE, '--format', 'json', '--report', `markdown:${path}`], [openSync('/dev/null', 'w'), fd]);
      closeSync(fd);
      expect([0, 1], run.stderr).toContain(run.code);
      const text = readFileSync(join(d, name), 'utf8');
      expect(text.startsWith('kept\n## ')).toBe(true);
      expect(lstatSync(join(d, name)).isFile()).toBe(true);
    }
  });
});

describe('devices and FIFOs are written in place, never replaced', () => {
  it('a null device stays a device; a full one is exit 2 with one sentence and stays a device', async (ctx) => {
    const d = fresh('devices');
    if (!asRoot || !mknod(join(d, 'null'), 1, 3) || !mknod(join(d, 'full'), 1, 7)) return ctx.skip('needs root to make device nodes with mknod');
    const ok = await cli(['audit', SAMPLE, ...ZONE, '--output', join(d, 'null'), '--report', `html:${join(d, 'null')}`]);
    expect([0, 1], ok.stderr).toContain(ok.code);
    expect(ok.stdout).toBe('');
    const full = await cli(['audit', SAMPLE, ...ZONE, '--report', `json:${join(d, 'full')}`]);
    oneSentence(full, new RegExp(`^error: cannot write ${join(d, 'full')}: no space left on the device\\.$`));
    for (const n of ['null', 'full']) expect(lstatSync(join(d, n)).isCharacterDevice(), n).toBe(true);
    expect(leftovers(d)).toEqual([]);
  });

  it('a FIFO gets the report and stays a FIFO', async () => {
    const d = fresh('fifo-out');
    const fifo = join(d, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.setEncoding('utf8').on('data', (s: string) => (got += s));
    const readerDone = new Promise((r) => reader.on('close', r));
    const run = await cli(['audit', SAMPLE, ...ZONE, '--format', 'json', '--output', fifo]);
    // A run that never opened the FIFO leaves cat waiting: it must not hang the suite.
    const stop = setTimeout(() => reader.kill(), 5000);
    await readerDone;
    clearTimeout(stop);
    expect([0, 1], run.stderr).toContain(run.code);
    expect(JSON.parse(got).schema).toBe('support-audit/report@1');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});

describe('symbolic links', () => {
  it('a link is followed: its target is replaced (atomically, in its folder) and the link stays a link', async () => {
    const d = fresh('link');
    mkdirSync(join(d, 'real'));
    const target = join(d, 'real', 'report.json');
    writeFileSync(target, '{"old":true}\n');
    symlinkSync(join('real', 'report.json'), join(d, 'latest.json'));
    const run = await cli(['audit', SAMPLE, ...ZONE, '--format', 'json', '--output', join(d, 'latest.json')]);
    expect([0, 1], run.stderr).toContain(run.code);
    expect(lstatSync(join(d, 'latest.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(target, 'utf8')).schema).toBe('support-audit/report@1');
    expect(leftovers(join(d, 'real'))).toEqual([]);
  });

  it('a link planted by another user in a sticky world-writable folder is refused (protected-symlinks rule), as root too', async (ctx) => {
    if (!asRoot) return ctx.skip('needs root to give a link to another user');
    const shared = fresh('sticky');
    chmodSync(shared, 0o1777);
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const link = join(shared, 'report.json');
    symlinkSync(victim, link);
    lchownSync(link, NOBODY, NOBODY);
    const run = await cli(['audit', SAMPLE, ...ZONE, '--format', 'json', '--report', `json:${link}`]);
    oneSentence(run, /^error: refusing to follow .*report\.json: it is a symbolic link owned by another user in a shared folder/);
    expect(run.stdout).toBe('');
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    // The folder's owner may: the rule follows a link owned by the folder's owner.
    chownSync(shared, NOBODY, NOBODY);
    const allowed = await cli(['audit', SAMPLE, ...ZONE, '--format', 'json', '--output', link]);
    expect([0, 1], allowed.stderr).toContain(allowed.code);
    expect(JSON.parse(readFileSync(victim, 'utf8')).schema).toBe('support-audit/report@1');
  });
});

describe('a replaced file keeps its mode and owner; a new one gets 0666 minus the umask', () => {
  it('mode and owner', async (ctx) => {
    const d = fresh('modes');
    const old = join(d, 'old.json');
    writeFileSync(old, '{}\n');
    chmodSync(old, 0o640);
    if (asRoot) chownSync(old, NOBODY, NOBODY);
    const run = await cli(['audit', SAMPLE, ...ZONE, '--format', 'json', '--output', old, '--report', `markdown:${join(d, 'new.md')}`]);
    expect([0, 1], run.stderr).toContain(run.code);
    const info = statSync(old);
    expect(info.mode & 0o777).toBe(0o640);
    if (asRoot) expect([info.uid, info.gid]).toEqual([NOBODY, NOBODY]);
    const umask = process.umask();
    expect(statSync(join(d, 'new.md')).mode & 0o777).toBe(0o666 & ~umask);
    if (!asRoot) ctx.skip('owner kept only checked as root');
  });
});

describe('an output that is an input is refused before reading', () => {
  it('the same file, a symbolic link to it and a hard link to it', async () => {
    const d = fresh('same');
    const input = join(d, 'export.csv');
    const text = readFileSync(SAMPLE, 'utf8');
    writeFileSync(input, text);
    symlinkSync(input, join(d, 'soft.json'));
    linkSync(input, join(d, 'hard.json'));
    for (const out of ['export.csv', 'soft.json', 'hard.json']) {
      const run = await cli(['audit', input, ...ZONE, '--format', 'json', '--report', `json:${join(d, out)}`]);
      oneSentence(
        run,
        new RegExp(`^error: refusing to write .*${out}: it is the input .*export\\.csv \\(the same file\\), which the report would overwrite\\.$`),
      );
      expect(run.stdout).toBe('');
      expect(readFileSync(input, 'utf8')).toBe(text);
    }
    // The policy file is an input too.
    writeFileSync(join(d, 'policy.yaml'), 'name: mine\n');
    const run = await cli(['audit', SAMPLE, ...ZONE, '--policy', join(d, 'policy.yaml'), '--output', join(d, 'policy.yaml')]);
    oneSentence(run, /it is the input .*policy\.yaml/);
    expect(readFileSync(join(d, 'policy.yaml'), 'utf8')).toBe('name: mine\n');
  });
});

describe('a full disk and unwritable places: the previous report intact, one sentence, no temporary file', () => {
  it('a full file system (a 64 kB tmpfs): exit 2, the previous report unchanged, nothing left behind', async (ctx) => {
    const d = fresh('tmpfs');
    if (!asRoot || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', d]).status !== 0) {
      return ctx.skip('cannot mount a small tmpfs here (needs root); the short-write and ENOSPC paths are also tested in-process in write-atomic.test.ts');
    }
    try {
      const previous = '<!doctype html><title>previous</title>\n';
      writeFileSync(join(d, 'report.html'), previous);
      // An HTML report of the real-size sample with every breakdown is far larger than 64 kB.
      const big = join(dir, 'big.csv');
      const rows = readFileSync(SAMPLE, 'utf8').split('\n');
      const header = rows[0];
      const body = rows.slice(1).filter(Boolean);
      const many: string[] = [header];
      for (let k = 0; k < 60; k++) for (const r of body) many.push(r.replace(/^([^,]*),(\d+)/, (_m, a, id) => `${a},${Number(id) + 100_000 * (k + 1)}`));
      writeFileSync(big, many.join('\n') + '\n');
      const run = await cli(['audit', big, ...ZONE, '--by', 'agent,team,week', '--show-breaches', '500', '--report', `html:${join(d, 'report.html')}`]);
      oneSentence(run, /^error: cannot write .*report\.html: no space left on the device; the previous file is unchanged\.$/);
      expect(readFileSync(join(d, 'report.html'), 'utf8')).toBe(previous);
      expect(readdirSync(d)).toEqual(['report.html']);
    } finally {
      spawnSync('umount', [d]);
    }
  });

  it('a read-only file system: the reason in words, not the raw error with the temporary path', async (ctx) => {
    const d = fresh('readonly');
    if (!asRoot || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,ro', 'tmpfs', d]).status !== 0) {
      return ctx.skip('cannot mount a read-only tmpfs here (needs root)');
    }
    try {
      const run = await cli(['audit', SAMPLE, ...ZONE, '--output', join(d, 'r.txt')]);
      oneSentence(run, /^error: cannot write .*r\.txt: the file system is read-only\.$/);
      expect(run.stderr).not.toMatch(/\.tmp/);
    } finally {
      spawnSync('umount', [d]);
    }
  });

  it('a folder without write permission (as an unprivileged user): permission denied, no temporary path', async (ctx) => {
    const d = fresh('locked');
    chmodSync(d, 0o555);
    let run: Run;
    try {
      run = await cli(['audit', SAMPLE, ...ZONE, '--output', join(d, 'r.txt')], asRoot ? { uid: NOBODY, gid: NOBODY } : {});
    } catch (err) {
      return ctx.skip(`cannot run as uid ${NOBODY}: ${(err as Error).message}`);
    }
    if (asRoot && /Cannot find module|EACCES.*node/.test(run.stderr)) return ctx.skip(`uid ${NOBODY} cannot run node here`);
    oneSentence(run, /^error: cannot write .*r\.txt: permission denied\.$/);
    expect(run.stderr).not.toMatch(/\.tmp/);
  });
});
