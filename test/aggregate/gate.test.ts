import { describe, expect, it } from 'vitest';
import { decideGate, overallScore } from '../../src/aggregate/gate.js';
import type { RuleResult } from '../../src/report.js';

function result(id: string, status: RuleResult['status'], compliance: number | null, target: number, extra: Partial<RuleResult> = {}): RuleResult {
  return {
    id,
    expectation: null,
    title: id,
    measure: 'csat',
    severity: 'error',
    weight: 1,
    status,
    eligible: 10,
    met: 0,
    breached: 0,
    pending: 0,
    excluded: 0,
    excluded_reasons: {},
    compliance,
    target,
    warn: 0.5,
    unit: 'ratio',
    p50: null,
    p90: null,
    p95: null,
    mean: null,
    clock: 'calendar',
    breaches: [],
    trend: [],
    ...extra,
  };
}

const gate = { min_score: 80, fail_on: 'error' as const, min_sample: 1 };

describe('overallScore', () => {
  it('weight-averages min(1, compliance ÷ target) over rules with data', () => {
    // a: min(1, 0.99/0.9) = 1, weight 1; b: 0.6/0.8 = 0.75, weight 3; c no_data and d insufficient ignored
    // (1 × 1 + 3 × 0.75) ÷ 4 = 0.8125 → 81.3 (one decimal)
    const rules = [
      result('a', 'pass', 0.99, 0.9),
      result('b', 'fail', 0.6, 0.8, { weight: 3 }),
      result('c', 'no_data', null, 0.9),
      result('d', 'insufficient', 0.1, 0.9),
    ];
    expect(overallScore(rules)).toBe(81.3);
  });
  it('is null with no rule that has data', () => {
    expect(overallScore([result('c', 'no_data', null, 0.9)])).toBeNull();
  });
});

describe('decideGate', () => {
  it('passes with warnings allowed (exit 0, status warn)', () => {
    const s = decideGate([result('a', 'pass', 1, 0.9), result('b', 'warn', 0.85, 0.9)], gate);
    expect(s).toMatchObject({ status: 'warn', exit_code: 0, gate: { passed: true, reasons: [] } });
    expect(s.counts).toEqual({ pass: 1, warn: 1, fail: 0, no_data: 0, insufficient: 0 });
  });
  it('fails on an error rule that fails, not on a warn-severity one', () => {
    const rules = [result('a', 'pass', 1, 0.9), result('b', 'fail', 0.85, 0.9), result('w', 'fail', 0.85, 0.9, { severity: 'warn' })];
    const s = decideGate(rules, { ...gate, min_score: 0 });
    expect(s.gate.reasons).toEqual(['rule-failed:b']);
    expect([s.status, s.exit_code]).toEqual(['fail', 1]);
  });
  it('with fail_on warn also fails on warn-severity failures and error-severity warnings', () => {
    const rules = [result('e', 'warn', 0.85, 0.9), result('w', 'fail', 0.85, 0.9, { severity: 'warn' }), result('ww', 'warn', 0.85, 0.9, { severity: 'warn' })];
    const s = decideGate(rules, { ...gate, min_score: 0 }, { failOn: 'warn' });
    expect(s.gate.reasons).toEqual(['rule-warned:e', 'rule-failed:w']);
    expect(s.gate.fail_on).toBe('warn');
  });
  it('fails below the minimum score, honouring the override, and on extra failures', () => {
    // score = 0.6/0.9 → 66.7 < 80
    const rules = [result('a', 'warn', 0.6, 0.9, { severity: 'warn' })];
    expect(decideGate(rules, gate).gate.reasons).toEqual(['score-below-minimum']);
    expect(decideGate(rules, gate, { minScore: 60 }).exit_code).toBe(0);
    const s = decideGate(rules, gate, { minScore: 60, extraFailures: ['regression:a'] });
    expect([s.exit_code, s.gate.reasons]).toEqual([1, ['regression:a']]);
  });
});

describe('a score that is not a finite number never passes the gate', () => {
  // The policy keeps weights in [0, 1000]; this is the defence behind it. Weights of 1e308 (which
  // the policy used to accept): 1e308 × 1 + 1e308 × 1 overflows to Infinity, Infinity ÷ Infinity
  // is NaN, and NaN < min_score is false: the gate passed on "Score NaN".
  it('NaN from overflowing weights fails with score-not-finite, even at min_score 0', () => {
    const rules = [result('a', 'pass', 1, 0.9, { weight: 1e308 }), result('b', 'pass', 1, 0.9, { weight: 1e308 })];
    expect(overallScore(rules)).toBeNaN();
    const s = decideGate(rules, { ...gate, min_score: 0 });
    expect(s.gate.passed).toBe(false);
    expect(s.exit_code).toBe(1);
    expect(s.gate.reasons).toEqual(['score-not-finite']);
  });
});
