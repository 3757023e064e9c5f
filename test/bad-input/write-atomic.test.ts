// The atomic write in-process, with its seams: short writes, a disk that fills up, an
// unpredictable exclusive temporary file of mode 0600 until the rename (see also output.test.ts,
// which fills a real tmpfs).
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { fstat as fstatCallback, write as writeCallback } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { resolveOutput, writeOutputs } from '../../src/outputs.js';
import { stage } from '../../src/write-atomic.js';

const writeFd = promisify(writeCallback);
const fstat = promisify(fstatCallback);
const dir = mkdtempSync(join(tmpdir(), 'sa-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const streams = { stdout: () => {}, stderr: () => {} };
const REPORT = 'x'.repeat(100_000) + '\n';

async function writeThrough(path: string, content: string, hooks: Parameters<typeof writeOutputs>[2]) {
  const target = await resolveOutput(path, dir, '--output');
  await writeOutputs([{ target, content }], streams, hooks);
}

describe('every byte is written', () => {
  it('short writes (7 bytes at a time) still give the whole report', async () => {
    const path = join(dir, 'short.txt');
    writeFileSync(path, 'previous\n');
    let calls = 0;
    await writeThrough(path, REPORT, {
      write: async (fd, buffer, offset, length) => {
        calls++;
        return (await writeFd(fd, buffer, offset, Math.min(7, length))).bytesWritten;
      },
    });
    expect(readFileSync(path, 'utf8')).toBe(REPORT);
    expect(calls).toBe(Math.ceil(REPORT.length / 7));
  });

  it('a disk that fills up halfway (ENOSPC): a UsageError, the previous file intact, no temporary file', async () => {
    const d = mkdtempSync(join(dir, 'full-'));
    const path = join(d, 'report.txt');
    writeFileSync(path, 'previous\n');
    let written = 0;
    const err = await writeThrough(path, REPORT, {
      write: async (fd, buffer, offset, length) => {
        if (written >= 50_000) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        const n = (await writeFd(fd, buffer, offset, Math.min(4096, length))).bytesWritten;
        written += n;
        return n;
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toBe(`cannot write ${path}: no space left on the device; the previous file is unchanged.`);
    expect(readFileSync(path, 'utf8')).toBe('previous\n');
    expect(readdirSync(d)).toEqual(['report.txt']);
  });

  it('a write that takes nothing (a device that is full) is ENOSPC, not a loop for ever', async () => {
    const d = mkdtempSync(join(dir, 'zero-'));
    const err = await writeThrough(join(d, 'r.txt'), REPORT, { write: async () => 0 }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/no space left on the device\.$/);
    expect(readdirSync(d)).toEqual([]);
  });
});

describe('the temporary file', () => {
  it('has an unpredictable name, is mode 0600 while written, and gets 0666 minus the umask only when renamed', async () => {
    const d = mkdtempSync(join(dir, 'temp-'));
    const seen: { name: string; mode: number }[] = [];
    const hooks = {
      write: async (fd: number, buffer: Buffer, offset: number, length: number) => {
        const names = readdirSync(d).filter((n) => n.endsWith('.tmp'));
        seen.push({ name: names[0], mode: (await fstat(fd)).mode & 0o777 });
        return (await writeFd(fd, buffer, offset, length)).bytesWritten;
      },
    };
    await writeThrough(join(d, 'report.json'), '{}\n', hooks);
    await writeThrough(join(d, 'report.json'), '{}\n', hooks);
    expect(seen).toHaveLength(2);
    for (const s of seen) {
      expect(s.name).toMatch(/^\.report\.json\.[0-9a-f]{16}\.tmp$/);
      expect(s.name).not.toContain(String(process.pid));
      expect(s.mode).toBe(0o600);
    }
    expect(seen[0].name).not.toBe(seen[1].name);
    expect(statSync(join(d, 'report.json')).mode & 0o777).toBe(0o666 & ~process.umask());
  });

  it('is created exclusively: a symlink planted at its name is never followed (another name is taken)', async () => {
    const d = mkdtempSync(join(dir, 'planted-'));
    const victim = join(dir, 'victim-of-plant.txt');
    writeFileSync(victim, 'precious\n');
    symlinkSync(victim, join(d, '.planted.tmp'));
    const names = ['.planted.tmp', '.fresh.tmp'];
    const staged = await stage(join(d, 'report.json'), 'report.json', 'new report\n', null, { tempName: () => names.shift()! });
    staged.commit();
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(join(d, '.planted.tmp')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(d, 'report.json'), 'utf8')).toBe('new report\n');
  });

  it('a file replaced keeps its permissions', async () => {
    const path = join(dir, 'kept-mode.txt');
    writeFileSync(path, 'old\n', { mode: 0o604 });
    await writeThrough(path, 'new\n', {});
    expect(statSync(path).mode & 0o777).toBe(0o604);
  });
});
