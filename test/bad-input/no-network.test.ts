// The tool makes no network connections (local, offline, deterministic: README). A source scan
// is the cheapest guard that stays true as the code grows: no module that can open a socket or
// resolve a name is imported anywhere under src/, and no global that fetches is called.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run.js';

const NETWORK_MODULES = [
  'http',
  'https',
  'http2',
  'net',
  'dgram',
  'tls',
  'dns',
  'dns/promises',
  'inspector',
  'undici',
  'ws',
  'node-fetch',
  'cross-fetch',
  'axios',
  'got',
  'superagent',
  'request',
  'socket.io-client',
];

const moduleNames = NETWORK_MODULES.map((m) => m.replace(/[./-]/g, (c) => `\\${c}`)).join('|');
const PATTERNS: [what: string, re: RegExp][] = [
  ['a network module import', new RegExp(`(?:\\bfrom\\s*|\\bimport\\s*\\(?\\s*|\\brequire\\s*\\(\\s*)['"](?:node:)?(?:${moduleNames})(?:/[^'"]*)?['"]`)],
  ['fetch()', /\bfetch\s*\(/],
  ['WebSocket', /\bWebSocket\b/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['EventSource', /\bEventSource\b/],
  ['sendBeacon', /\bsendBeacon\b/],
];

/** What in `source` looks like a network call, with line numbers. */
function networkUses(source: string): string[] {
  const found: string[] = [];
  source.split('\n').forEach((text, i) => {
    for (const [what, re] of PATTERNS) if (re.test(text)) found.push(`${i + 1}: ${what}: ${text.trim()}`);
  });
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.[cm]?[jt]s$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('no network', () => {
  it('the scanner finds what it looks for', () => {
    const planted = [
      "import { request } from 'node:https';",
      "import http from 'http';",
      "const net = require('node:net');",
      "const { Agent } = await import('undici');",
      'await fetch(url);',
      'new WebSocket(url);',
      "import { lookup } from 'node:dns/promises';",
    ];
    for (const line of planted) expect(networkUses(line), line).toHaveLength(1);
    expect(networkUses("import { createReadStream } from 'node:fs';\nconst netScore = 3; // fetches nothing")).toEqual([]);
  });

  it('nothing under src/ imports a network module or calls fetch', () => {
    const files = sourceFiles(join(ROOT, 'src'));
    expect(files.length).toBeGreaterThan(50);
    const uses = files.flatMap((f) => networkUses(readFileSync(f, 'utf8')).map((u) => `${relative(ROOT, f)}:${u}`));
    expect(uses).toEqual([]);
  });

  it('no runtime dependency is a network client', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    expect(Object.keys(pkg.dependencies ?? {}).filter((d) => NETWORK_MODULES.includes(d))).toEqual([]);
  });
});
