// scripts/clickhouse-cluster.sh itself: a cluster started in a temporary folder answers as the
// user with the generated password, no process carries the password in its arguments, and stop
// leaves no server behind; a server that cannot start is reported and cleaned up. Needs the
// server binary: runs where the other ClickHouse tests run (clickhouse-env.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openClickHouse } from '../../src/engine/clickhouse.js';
import { clickhouseEnv } from './clickhouse-env.js';

const SCRIPT = fileURLToPath(new URL('../../scripts/clickhouse-cluster.sh', import.meta.url));
const env = clickhouseEnv();
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) {
    spawnSync('bash', [SCRIPT, 'stop', d], { encoding: 'utf8' });
    rmSync(d, { recursive: true, force: true });
  }
});

function cluster(args: string[], extra: Record<string, string> = {}) {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...extra };
  delete childEnv.SUPPORT_AUDIT_CLICKHOUSE_PASSWORD;
  return spawnSync('bash', [SCRIPT, ...args], { encoding: 'utf8', env: childEnv as NodeJS.ProcessEnv });
}

/** Every process's command line (arguments joined by spaces). */
function commandLines(): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      out.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' '));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!env)('scripts/clickhouse-cluster.sh', () => {
  it('starts two shards with a generated password kept out of the process list, and stops them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-ch-cluster-'));
    dirs.push(dir);
    const started = cluster(['start', dir]);
    expect(started.stderr).toBe('');
    expect(started.status).toBe(0);
    const urls = started.stdout.trim().split('\n');
    expect(urls).toHaveLength(2);
    for (const u of urls) expect(u).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const password = readFileSync(join(dir, 'password'), 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(readFileSync(join(dir, 'env'), 'utf8')).toBe(`CLICKHOUSE_URLS=${urls.join(',')}\nCLICKHOUSE_URL=${urls[0]}\nCLICKHOUSE_USER=support_audit\n`);
    expect(started.stdout).not.toContain(password);
    expect(commandLines().filter((c) => c.includes(password))).toEqual([]);

    process.env.SA_TEST_CLUSTER_PASSWORD = password;
    try {
      const conn = await openClickHouse({ url: urls[1], table: 't', user: 'support_audit', passwordEnv: 'SA_TEST_CLUSTER_PASSWORD' });
      // Both shards through the cluster's native ports, with the same user and password.
      const rows = await conn.query<{ n: number }>("SELECT count() AS n FROM cluster('support_audit', system.one)");
      await conn.close();
      expect(rows).toEqual([{ n: 2 }]);
    } finally {
      delete process.env.SA_TEST_CLUSTER_PASSWORD;
    }

    const pids = [1, 2].map((n) => Number(readFileSync(join(dir, `shard${n}`, 'pid'), 'utf8')));
    expect(pids.every(alive)).toBe(true);
    const stopped = cluster(['stop', dir]);
    expect([stopped.status, stopped.stderr]).toEqual([0, '']);
    expect(pids.filter(alive)).toEqual([]);
    expect([1, 2].some((n) => existsSync(join(dir, `shard${n}`, 'pid')))).toBe(false);
  });

  it('a server that cannot start: exit 1 with its log, nothing left running', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-ch-cluster-'));
    dirs.push(dir);
    const r = cluster(['start', dir], { CLICKHOUSE_SERVER: '/bin/false' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^clickhouse-cluster: shard 1 exited while starting; the end of its log:/);
    expect([1, 2].some((n) => existsSync(join(dir, `shard${n}`, 'pid')))).toBe(false);
  });

  it('usage: start|stop DIR', () => {
    const r = cluster(['restart']);
    expect([r.status, r.stderr]).toEqual([2, `usage: ${SCRIPT} start|stop DIR\n`]);
  });
});
