// Every renderer on the sample report (fixtures/render/report.json): escaping, caps, stability.

import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report.js';
import { RENDERERS, type FormatName } from '../../src/render/index.js';
import { HOSTILE_ID, RAW_CONTROL, sampleReport } from './fixture.js';
import { checkXml } from './xml-check.js';

const plain = { color: false, showBreaches: 5, width: 160 };
/** The verdict: the last paragraph, its wrapped lines joined. */
const verdictOf = (out: string) =>
  out
    .trimEnd()
    .split('\n\n')
    .at(-1)!
    .split('\n')
    .map((l) => l.trim())
    .join(' ');
/** Lines wider than `width` columns (every character here is one column wide). */
const wider = (out: string, width: number) => out.split('\n').filter((l) => [...l].length > width);
const ANSI = /\u001b\[[0-9;]*m/;

describe('table', () => {
  it('has no ANSI codes without colour and has them with colour', () => {
    const report = sampleReport();
    expect(RENDERERS.table(report, plain)).not.toMatch(/\u001b/);
    expect(RENDERERS.table(report, { ...plain, color: true })).toMatch(ANSI);
  });
  it('never lets a control character from the data through, even in colour', () => {
    const out = RENDERERS.table(sampleReport(), { ...plain, color: true });
    // Colour codes are ours: remove exactly those, then nothing control-like may remain.
    expect(out.replace(/\u001b\[\d+m/g, '')).not.toMatch(RAW_CONTROL);
    expect(out).not.toContain('http://x');
  });
  it('shows every rule once, missing fields for no_data, the deltas, and the verdict last', () => {
    const report = sampleReport();
    const out = RENDERERS.table(report, plain);
    const ruleLines = out.split('\n').filter((l) => /^[✔!✖·?]\s+(ch|E\d)\s/.test(l));
    expect(ruleLines.map((l) => l.split(/\s+/)[2])).toEqual(report.rules.map((r) => r.id));
    expect(out).toContain('needs wait_seconds');
    expect(out).toContain('73.1% / 90%'); // 301 ÷ 412 = 0.7306
    expect(out).toContain('−6.2');
    // chat-first-response: 301 ÷ 412 = 73.06 % against its 90 % target.
    expect(verdictOf(out)).toBe(
      'Score 92.4 — gate FAILED: chat-first-response failed: 73.1 % against 90 % ' +
        '(refund-speed also failed, but its severity is warn and the gate fails only on rules of severity error)',
    );
  });
  it('lists breaches only when asked, and input problems with file:line', () => {
    const report = sampleReport();
    expect(RENDERERS.table(report, { ...plain, showBreaches: 0 })).not.toContain('CH-1043');
    const out = RENDERERS.table(report, { ...plain, showBreaches: 2 });
    expect(out).toContain('CH-1043');
    expect(out).not.toContain('CH-0977'); // third breach: over the limit of 2
    expect(out).toContain('… 109 more'); // 111 breached − 2 shown
    expect(out).toContain('exports/zendesk-2024-q1.csv:17 bad-timestamp');
    expect(out).toContain('… 10 more'); // 13 problems − 3 listed
    expect(out).toMatch(/exports\/zendesk-2024-q1\.csv: 13 problems \(/);
  });
  it('counts one input problem in the singular', () => {
    const report = sampleReport();
    const input = report.inputs[0];
    input.problems = input.problems.slice(0, 1);
    input.problem_counts = { [input.problems[0].code]: 1 };
    expect(RENDERERS.table(report, plain)).toContain(`${input.path}: 1 problem (${input.problems[0].code} 1)`);
  });
  it('keeps the titles: in their column with room, on lines of their own when narrow', () => {
    const wide = RENDERERS.table(sampleReport(), plain);
    expect(wide).toMatch(/^✖ +ch +chat-first-response +Live chat answered within 3 minutes +73\.1% \/ 90%/m);
    const narrow = RENDERERS.table(sampleReport(), { ...plain, width: 90 });
    expect(narrow).toMatch(/^✖ +ch +chat-first-response +73\.1% \/ 90%.*\n +Live chat answered within 3 minutes\n/m);
  });

  it('fits 80 columns: rule lines, legend, breakdowns, breaches, problems and verdict', () => {
    const out = RENDERERS.table(sampleReport(), { ...plain, width: 80 });
    expect(wider(out, 80)).toEqual([]);
    // Every rule, every breakdown column and the verdict are still there.
    for (const r of sampleReport().rules) expect(out).toContain(r.id);
    expect(verdictOf(out)).toContain('chat-first-response failed: 73.1 % against 90 %');
    expect(wider(RENDERERS.table(sampleReport(), plain), 100).length).toBeGreaterThan(0);
  });

  it('has a short legend under the rule lines, left out when asked', () => {
    const out = RENDERERS.table(sampleReport(), plain);
    expect(out).toContain('✔ pass  ! warn  ✖ fail  ? too few tickets to judge  · no data');
    expect(out).toContain('#: E1–E8 the eight baseline expectations, ch a channel response window');
    expect(out).toMatch(/trend: compliance by week, the last 12 at most, oldest first; scale per rule/);
    expect(out).toContain('Δ: change in compliance points against the baseline');
    // Under the rules, before the breakdowns.
    expect(out.indexOf('✔ pass')).toBeLessThan(out.indexOf('\nby '));
    expect(out.indexOf('refund-speed')).toBeLessThan(out.indexOf('✔ pass'));
    const without = RENDERERS.table(sampleReport(), { ...plain, legend: false });
    expect(without).not.toContain('✔ pass');
    expect(without).not.toContain('trend: compliance');
    expect(RENDERERS.json(sampleReport(), plain)).not.toContain('too few tickets to judge');
    expect(out).not.toContain('not computed on this engine');
  });

  it("names the unsupported mark in the legend when a rule has it (a SQL engine's report)", () => {
    const report = sampleReport();
    report.rules[1].status = 'unsupported';
    expect(RENDERERS.table(report, plain)).toContain('· no data  – not computed on this engine');
  });

  it('shows a breakdown of 40 agents as the 10 with the most breaches and one row for the rest', () => {
    const report = sampleReport();
    const ids = report.rules.map((r) => r.id);
    // Agent i has i breaches of each rule among 100 eligible: agents 30–39 have the most.
    report.breakdowns = {
      agent: Array.from({ length: 40 }, (_, i) => ({
        key: `Agent ${String(i).padStart(2, '0')}`,
        rules: ids.map((id) => ({ id, eligible: 100, met: 100 - i, compliance: (100 - i) / 100 })),
      })),
    };
    const out = RENDERERS.table(report, { ...plain, width: 80 });
    expect(wider(out, 80)).toEqual([]);
    const section = out.slice(out.indexOf('by agent'));
    const keys = [...new Set([...section.matchAll(/^(Agent \d\d|\(all other agents\))/gm)].map((m) => m[1]))];
    // In the report's order (by key), the other row last.
    expect(keys).toEqual([...Array.from({ length: 10 }, (_, i) => `Agent ${30 + i}`), '(all other agents)']);
    // The other row sums agents 0–29: eligible 30 × 100 = 3,000, met Σ(100 − i) = 3,000 − 435 = 2,565 → 85.5 %.
    expect(section).toMatch(/^\(all other agents\) +85\.5% \(3,000\)/m);
    expect(section).toContain('30 more in the last row');
  });
});

describe('json', () => {
  it('is the same bytes for the same report whatever the key order', () => {
    const a = RENDERERS.json(sampleReport(), plain);
    // Reverse the keys of every typed object; map-like records keep their (data) order.
    const records = new Set(['excluded_reasons', 'problem_counts']);
    const shuffled = JSON.parse(a, function (key, v) {
      const isRecord = records.has(key) || (key === 'counts' && v && Object.values(v).every(Array.isArray));
      if (v && typeof v === 'object' && !Array.isArray(v) && !isRecord) return Object.fromEntries(Object.entries(v).reverse());
      return v;
    }) as Report;
    expect(Object.keys(shuffled)[0]).toBe('baseline');
    expect(RENDERERS.json(shuffled, plain)).toBe(a);
    expect(a.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(a)).slice(0, 3)).toEqual(['schema', 'as_of', 'generated_by']);
    expect(JSON.parse(a)).toEqual(sampleReport());
  });
});

describe('markdown', () => {
  it('escapes pipes, line breaks and markup in cells', () => {
    const out = RENDERERS.markdown(sampleReport(), plain);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).not.toContain('<script>');
    expect(out).toContain('Refunds issued within 5 days \\| 100% of approved');
    // Each table line keeps its column count: the hostile reason's | and newline are neutralised.
    const breachRows = out.split('\n').filter((l) => l.startsWith('| &lt;img'));
    expect(breachRows).toHaveLength(1);
    expect(breachRows[0].split(/(?<!\\)\|/).length - 2).toBe(5);
    expect(out).not.toMatch(RAW_CONTROL);
  });
  it('stays under 1 MiB with a huge report and says what it left out', () => {
    const report = hugeReport();
    const out = RENDERERS.markdown(report, { ...plain, showBreaches: 1000 });
    expect(Buffer.byteLength(out)).toBeLessThan(1024 * 1024);
    expect(out).toMatch(/more rows left out|Summary cut at/);
  });
});

describe('junit', () => {
  it('is well-formed XML with one testcase per rule', () => {
    const report = sampleReport();
    const out = RENDERERS.junit(report, plain);
    const root = checkXml(out);
    expect(root.name).toBe('testsuites');
    const suites = root.children.filter((c) => c.name === 'testsuite');
    expect(suites).toHaveLength(1);
    expect(suites[0].attrs.name).toBe('support-audit');
    const cases = suites[0].children.filter((c) => c.name === 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual(report.rules.map((r) => r.id));
    const byName = Object.fromEntries(cases.map((c) => [c.attrs.name, c]));
    expect(byName['chat-first-response'].attrs.classname).toBe('channel-windows');
    expect(byName['satisfaction'].attrs.classname).toBe('expectation-5');
    expect(byName['chat-first-response'].children.map((c) => c.name)).toEqual(['failure']);
    expect(byName['chat-first-response'].children[0].attrs.message).toContain(HOSTILE_ID);
    expect(byName['phone-wait'].children.map((c) => c.name)).toEqual(['skipped']);
    expect(byName['social-first-response'].children.map((c) => c.name)).toEqual(['skipped']);
    expect(byName['email-first-response'].children.map((c) => c.name)).toEqual(['system-out']);
    expect(byName['billing-clarity'].children).toEqual([]);
    expect(suites[0].attrs.failures).toBe('2');
    expect(suites[0].attrs.skipped).toBe('3');
  });
  it('stays well-formed with characters XML forbids in the data', () => {
    const report = sampleReport();
    report.rules[0].breaches[0].id = 'a\u0000b\u0008c\uFFFF\uD800d]]>';
    report.rules[0].title = 'x\u001b[1m"&\'';
    expect(() => checkXml(RENDERERS.junit(report, plain))).not.toThrow();
  });
});

describe('github', () => {
  it('escapes data and properties', () => {
    const report = sampleReport();
    report.rules[0].id = 'chat,first:response%';
    const out = RENDERERS.github(report, plain);
    const error = out.split('\n').find((l) => l.startsWith('::error '))!;
    const [, props, data] = /^::error (.*?)::(.*)$/.exec(error)!;
    expect(props).toBe('title=Rule failed%3A chat%2Cfirst%3Aresponse%25');
    expect(data).not.toMatch(/[\r\n]/);
    expect(data).toContain('73.1%25 / 90%25');
    expect(data).toContain('%0Aworst: ');
    expect(out).not.toMatch(RAW_CONTROL);
  });
  it('annotates failing and warning rules by severity and ends with the score', () => {
    const lines = RENDERERS.github(sampleReport(), plain).trimEnd().split('\n');
    // chat-first-response fails (error) → ::error; email warns and refund-speed fails with severity warn → ::warning.
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(1);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(2);
    expect(lines[lines.length - 1]).toBe(
      '::notice title=support-audit::Score 92.4 — gate FAILED: chat-first-response failed: 73.1 %25 against 90 %25 ' +
        '(refund-speed also failed, but its severity is warn and the gate fails only on rules of severity error)',
    );
  });
  it('caps annotations per kind and says how many more', () => {
    const report = sampleReport();
    const failing = report.rules[0];
    report.rules = Array.from({ length: 14 }, (_, i) => ({ ...failing, id: `rule-${i}` }));
    const lines = RENDERERS.github(report, plain).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(10);
    expect(lines.some((l) => l.startsWith('::notice title=4 more errors::'))).toBe(true);
  });
});

describe('html', () => {
  it('fetches nothing and escapes hostile text', () => {
    const out = RENDERERS.html(sampleReport(), plain);
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<[^>]*\s(?:src|href)\s*=/i);
    expect(out).not.toMatch(/https?:\/\//);
    expect(out).not.toMatch(/@import|url\(/);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('&lt;script&gt;alert(&quot;agent&quot;)&lt;/script&gt;Red Agent');
    expect(out).not.toMatch(RAW_CONTROL);
  });
  it('draws a trend chart per rule, a bar per rule with data, and a histogram per channel', () => {
    const report = sampleReport();
    const out = RENDERERS.html(report, plain);
    expect(out.match(/<svg class="trend/g)).toHaveLength(report.rules.length);
    expect(out.match(/<svg class="bar"/g)).toHaveLength(report.rules.filter((r) => r.status !== 'no_data').length);
    expect(out.match(/<svg class="hist"/g)).toHaveLength(3);
  });
  it('puts the charts on labelled axes: % for compliance, ISO weeks, tickets and time to first response', () => {
    const out = RENDERERS.html(sampleReport(), plain);
    const chat = out.slice(out.indexOf('id="rule-chat-first-response"'));
    const trend = chat.slice(chat.indexOf('<svg class="trend'), chat.indexOf('</svg>', chat.indexOf('<svg class="trend')));
    expect([...trend.matchAll(/<text class="axis-label"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1])).toEqual(
      expect.arrayContaining(['100%', expect.stringMatching(/^\d{4}-W\d\d$/)]),
    );
    const bar = chat.slice(chat.indexOf('<svg class="bar"'), chat.indexOf('</svg>', chat.indexOf('<svg class="bar"')));
    expect([...bar.matchAll(/<text class="axis-label"[^>]*>([^<]+)<\/text>/g)].map((m) => m[1])).toEqual(['0%', '50%', '100%']);
    expect(out).toContain('<text class="axis-title" x="2" y="10">tickets</text>');
    expect(out).toContain('>time to first response (upper edge of each bin)</text>');
  });
  it('folds the keys of a breakdown beyond the top 20 into a <details>, under a sticky header', () => {
    const report = sampleReport();
    const ids = report.rules.map((r) => r.id);
    report.breakdowns = {
      agent: Array.from({ length: 40 }, (_, i) => ({
        key: `Agent ${String(i).padStart(2, '0')}`,
        rules: ids.map((id) => ({ id, eligible: 100, met: 100 - i, compliance: (100 - i) / 100 })),
      })),
    };
    const out = RENDERERS.html(report, plain);
    const section = out.slice(out.indexOf('id="breakdowns"'));
    const [main, folded] = section.split('<details class="more-keys">');
    expect(main.match(/<tr><td class="key">/g)).toHaveLength(20);
    expect(main).toContain('<em>(all other agents)</em>');
    expect(main).toContain('<div class="table-wrap"><table class="breakdown"><thead>');
    expect(folded).toContain('<summary>The other 20 agent keys, one by one</summary>');
    expect(folded.match(/<tr><td class="key">/g)).toHaveLength(20);
    expect(out).toMatch(/\.table-wrap table\.breakdown th \{ position: sticky; top: 0;/);
  });
});

describe('every format', () => {
  it('renders a report with no rules, no inputs and no score', () => {
    const report = sampleReport();
    report.rules = [];
    report.inputs = [];
    report.breakdowns = {};
    delete report.distributions;
    delete report.baseline;
    report.summary = {
      ...report.summary,
      score: null,
      counts: { pass: 0, warn: 0, fail: 0, no_data: 0, insufficient: 0 },
      gate: { ...report.summary.gate, passed: true, reasons: [] },
    };
    for (const format of Object.keys(RENDERERS) as FormatName[]) {
      expect(RENDERERS[format](report, plain).length).toBeGreaterThan(0);
    }
    expect(RENDERERS.table(report, plain)).toContain('Score – (no rule has data) — gate passed');
  });

  it('names rules that fail without failing the gate (severity below fail_on)', () => {
    const report = sampleReport();
    report.summary.gate = { ...report.summary.gate, passed: true, fail_on: 'error', reasons: [] };
    // Both failing rules at severity warn: neither fails a gate that fails on error.
    for (const r of report.rules) if (r.status === 'fail') r.severity = 'warn';
    const failing = report.rules.filter((r) => r.status === 'fail').map((r) => r.id);
    expect(failing).toEqual(['chat-first-response', 'refund-speed']);
    const last = verdictOf(RENDERERS.table(report, plain));
    expect(last).toContain(
      `— gate passed (${failing.join(' and ')} also failed, but their severity is warn and the gate fails only on rules of severity error)`,
    );
    expect(last).not.toContain('fail_on');
  });

  it('words every gate reason with its numbers, in every format people read', () => {
    const report = sampleReport();
    const chat = report.rules.find((r) => r.id === 'chat-first-response')!;
    const email = report.rules.find((r) => r.id === 'email-first-response')!;
    email.delta = -6.24;
    report.summary.score = 61;
    report.summary.gate = {
      ...report.summary.gate,
      passed: false,
      min_score: 80,
      fail_on: 'warn',
      reasons: ['score-below-minimum', 'rule-failed:chat-first-response', 'rule-warned:email-first-response', 'regression:email-first-response'],
    };
    // chat: 301 ÷ 412 = 73.06 % → 73.1 %; email: 1,027 ÷ 1,180 = 87.03 % → 87 % (a whole number without ".0").
    const words = [
      'score 61.0 is below the gate minimum of 80',
      'chat-first-response failed: 73.1 % against 90 %',
      'email-first-response is below its target: 87 % against 90 % (the gate fails on warnings)',
      'email-first-response dropped 6.2 points below the baseline',
    ];
    expect(chat.status).toBe('fail');
    const table = RENDERERS.table(report, { ...plain, width: 1000 });
    const markdown = RENDERERS.markdown(report, plain);
    const html = RENDERERS.html(report, plain);
    const junit = RENDERERS.junit(report, plain);
    const github = RENDERERS.github(report, plain).replace(/%25/g, '%');
    for (const out of [table, markdown, junit, github]) {
      for (const w of words) expect(out).toContain(w);
      expect(out).not.toMatch(/rule-failed:|rule-warned:|score-below-minimum|regression:/);
    }
    for (const w of words) expect(html).toContain(`<li>${w}</li>`);
    expect(html).not.toMatch(/rule-failed:|rule-warned:|score-below-minimum|regression:/);
  });

  it("words a rule with overrides by the groups that failed, and shows the report's own sentences", () => {
    const report = sampleReport();
    const chat = report.rules.find((r) => r.id === 'chat-first-response')!;
    chat.groups = [
      {
        when: { priority: ['urgent'] },
        window_minutes: 120,
        target: 0.95,
        warn: 0.9,
        eligible: 10,
        met: 8,
        breached: 2,
        pending: 0,
        compliance: 0.8,
        status: 'fail',
      },
      { base: true, window_minutes: 480, target: 0.9, warn: 0.8, eligible: 40, met: 39, breached: 1, pending: 0, compliance: 0.975, status: 'pass' },
    ];
    expect(verdictOf(RENDERERS.table(report, plain))).toContain('chat-first-response failed: priority urgent (2h) 80 % against 95 %');
    // A report that carries its sentences (every fresh one) is shown as it says.
    report.summary.gate.messages = ['the words of the report'];
    expect(RENDERERS.markdown(report, plain)).toContain('gate FAILED: the words of the report');
  });
});

/** 60 rules × 1,000 breaches, 5,000 agents: far beyond what a summary may hold. */
function hugeReport(): Report {
  const report = sampleReport();
  const template = report.rules[0];
  const breaches = Array.from({ length: 1000 }, (_, i) => ({ ...template.breaches[0], id: `T-${i}`, reason: 'x'.repeat(200) }));
  report.rules = Array.from({ length: 60 }, (_, i) => ({ ...template, id: `rule-${i}`, breaches, breached: 5000 }));
  const cells = report.rules.map((r) => ({ id: r.id, eligible: 10, met: 9, compliance: 0.9 }));
  report.breakdowns = { agent: Array.from({ length: 5000 }, (_, i) => ({ key: `agent ${i} ${'n'.repeat(40)}`, rules: cells })) };
  return report;
}
