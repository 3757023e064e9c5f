// Detection-independent checks of the preset data: every preset has a fixture in the vendor's
// spelling, its required columns are in it, and no preset's required set matches another's fixture.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESETS, presetById } from '../../src/map/presets/index.js';
import { zendesk } from '../../src/map/presets/zendesk.js';
import { normalizeHeader } from '../../src/read/header.js';
import { fixture, FIXTURES, hasRealData, readCsv, REAL, SAMPLES } from './fixtures.js';

function names(header: string[]): Set<string> {
  return new Set(header.map(normalizeHeader));
}

function requiredPresent(required: string[], header: string[]): boolean {
  const have = names(header);
  return required.every((r) => have.has(normalizeHeader(r)));
}

describe('preset list', () => {
  it('has unique ids, each found by presetById, each with a fixture folder', () => {
    const ids = PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(presetById(id)?.id).toBe(id);
    expect(presetById('no-such-vendor')).toBeUndefined();
    expect(readdirSync(FIXTURES).sort()).toEqual([...ids].sort());
  });

  it('gives every preset fields of its kind, a source and a confidence', () => {
    for (const p of PRESETS) {
      expect(p.source.length, p.id).toBeGreaterThan(10);
      if (p.kind === 'tickets') {
        expect(p.fields?.id, p.id).toBeDefined();
        expect(p.fields?.created_at, p.id).toBeDefined();
        expect(p.messages, p.id).toBeUndefined();
      } else {
        expect(p.messages?.fields.at, p.id).toBeDefined();
        expect(p.messages?.fields.author_role, p.id).toBeDefined();
        expect(p.fields, p.id).toBeUndefined();
      }
    }
  });

  it('never maps message text', () => {
    const text = new Set(['ticket description', 'description', 'text', 'body', 'resolution', 'comment']);
    for (const p of PRESETS) {
      const sources = [...Object.values(p.fields ?? {}), ...Object.values(p.messages?.fields ?? {})];
      for (const s of sources) for (const c of s!.columns) if (typeof c === 'string') expect(text.has(normalizeHeader(c)), `${p.id}: ${c}`).toBe(false);
    }
  });
});

describe('fixtures', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: 5–15 rows, all required columns present', (id, preset) => {
    const { header, rows } = fixture(id);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.length).toBeLessThanOrEqual(15);
    for (const r of rows) expect(r.length).toBe(header.length);
    expect(requiredPresent(preset.detect.required, header)).toBe(true);
  });

  it("no preset's required set is met by another preset's fixture", () => {
    const clashes: string[] = [];
    for (const a of PRESETS) {
      for (const b of PRESETS) {
        if (a !== b && requiredPresent(a.detect.required, fixture(b.id).header)) clashes.push(`${a.id} matches ${b.id}`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it.skipIf(!hasRealData('customer-support-tickets.csv', 'twcs-sample.csv'))(
    "the README sample and the real files carry their presets' required columns",
    () => {
      expect(requiredPresent(zendesk.detect.required, readCsv(new URL('zendesk-tickets.csv', SAMPLES)).header)).toBe(true);
      const kaggle = readCsv(new URL('customer-support-tickets.csv', REAL)).header;
      const twcs = readCsv(new URL('twcs-sample.csv', REAL)).header;
      expect(requiredPresent(presetById('customer-support-dataset')!.detect.required, kaggle)).toBe(true);
      expect(requiredPresent(presetById('twitter')!.detect.required, twcs)).toBe(true);
      const matching = (h: string[]) => PRESETS.filter((p) => requiredPresent(p.detect.required, h)).map((p) => p.id);
      expect(matching(kaggle)).toEqual(['customer-support-dataset']);
      expect(matching(twcs)).toEqual(['twitter']);
    },
  );
});

describe('zendesk custom fields', () => {
  // Custom fields are exported as `Title [type]`; the canonical fields only they can hold are
  // matched by title whatever the type.
  const matches = (field: 'order_at' | 'return_requested_at' | 'return_decision' | 'refunded_at', header: string) =>
    zendesk.fields![field]!.columns.some((c) => c instanceof RegExp && c.test(normalizeHeader(header)));

  it('matches the usual titles', () => {
    expect(matches('order_at', 'Order date [date]')).toBe(true);
    expect(matches('order_at', 'Order Date [text]')).toBe(true);
    expect(matches('return_requested_at', 'Return requested [text]')).toBe(true);
    expect(matches('return_requested_at', 'Return request date [date]')).toBe(true);
    expect(matches('return_decision', 'Return decision [list]')).toBe(true);
    expect(matches('return_decision', 'Return Status [list]')).toBe(true);
    expect(matches('refunded_at', 'Refunded at [text]')).toBe(true);
    expect(matches('refunded_at', 'Refund date [date]')).toBe(true);
  });

  it('leaves other custom fields alone', () => {
    expect(matches('order_at', 'Order number [text]')).toBe(false);
    expect(matches('return_decision', 'Return reason [list]')).toBe(false);
    expect(matches('refunded_at', 'Refund amount [decimal]')).toBe(false);
    expect(matches('order_at', 'Order date')).toBe(false);
  });
});
