// One evaluated rule's counting on the hot path: a judged ticket's verdict into the rule's state.
// A rule gives the same few codes over and over: they are tallied per kind (tally.ts). It also
// keeps its state for all tickets (found once, not looked up by key per ticket) and the trend
// pair of the last week it counted into (tickets come week by week).

import type { Ticket } from '../types.js';
import type { Verdict } from '../rules/verdict.js';
import type { CompiledRule } from './compile.js';
import type { Periods } from './periods.js';
import { addValue } from './quantiles.js';
import {
  bump,
  countEligible,
  countKey,
  countPending,
  keepBreach,
  mayKeep,
  newRuleState,
  trendEpoch,
  trendPair,
  type Placement,
  type RuleState,
} from './rule-state.js';
import type { DeferredEntry } from './state.js';
import { Tally } from './tally.js';

/** The breakdown keys of a deferred ticket when there are no breakdowns: one shared empty list. */
const NO_KEYS: string[] = [];

export class RuleCounter {
  private readonly na = new Tally('na:');
  private readonly breached = new Tally('breached:');
  private readonly vendor = new Tally('vendor:');
  private readonly volume = new Tally('');
  private readonly excluded = new Tally('');
  private all: RuleState | undefined = undefined;
  private trendOf: RuleState | undefined = undefined;
  private week = '';
  private trend: [number, number] = [0, 0];
  private epoch = 0;

  /**
   * `index`: the rule's place among the evaluated rules; `slots`: its states in the scorecard's
   * state (`all`, or one per slot); `defer`: where a deferred outcome goes to wait for as_of.
   */
  constructor(
    readonly rule: CompiledRule,
    private readonly index: number,
    private readonly slots: Record<string, RuleState>,
    private readonly defer: (d: DeferredEntry) => void,
  ) {}

  /** The state a ticket counts in: its slot's for a slotted rule, else the rule's one. */
  private stateFor(t: Ticket, periods: Periods): RuleState {
    const r = this.rule;
    if (r.slotKeys !== null) {
      const key = r.slotKeys[r.def.slots!.of(t, periods)];
      return this.slots[key] ?? (this.slots[key] = newRuleState(r.overrides.length));
    }
    return this.all ?? (this.all = this.slots.all ?? (this.slots.all = newRuleState(r.overrides.length)));
  }

  /** The trend pair of the ticket's week in `s`. */
  private trendPair(s: RuleState, week: string): [number, number] {
    // A week pushed out of a trend (trendPair) leaves the pair held here behind: take it again.
    if (this.trendOf !== s || this.week !== week || this.epoch !== trendEpoch.n) {
      this.trendOf = s;
      this.week = week;
      this.trend = trendPair(s, week);
      this.epoch = trendEpoch.n;
    }
    return this.trend;
  }

  /**
   * An exclude tag takes the ticket out of everything the rule computes (a slotted rule's volume
   * too). It is counted only where the rule would otherwise have counted the ticket at all: twenty
   * spam e-mails are no exclusion from a refund rule.
   */
  countExcluded(t: Ticket, verdict: Verdict, tag: string, periods: Periods): void {
    if (verdict.kind === 'not-applicable') return;
    const s = this.stateFor(t, periods);
    s.excluded++;
    bump(s.excludedReasons, countKey('tag:', tag));
  }

  /** Counts a judged ticket's verdict, placed at `at` (its week, breakdown keys and group). */
  count(t: Ticket, verdict: Verdict, at: Placement, periods: Periods): void {
    const r = this.rule;
    const s = this.stateFor(t, periods);
    if (r.slotKeys !== null) this.volume.add(s.extra, 'volume');
    switch (verdict.kind) {
      case 'met':
      case 'breached':
        countEligible(s, verdict.kind === 'met', at, r.samples ? verdict.sample : NaN, this.trendPair(s, at.week));
        if (verdict.vendor) this.vendor.add(s.extra, verdict.vendor);
        if (verdict.kind === 'breached') {
          this.breached.add(s.extra, verdict.code);
          if (mayKeep(s, r.cap, verdict.value, t.id, t.created_at, verdict.code)) {
            keepBreach(
              s,
              {
                id: t.id,
                value: verdict.value,
                code: verdict.code,
                limit: verdict.limit,
                n: verdict.n,
                created: t.created_at,
                channel: t.channel,
                agent: t.agent,
              },
              r.cap,
            );
          }
        }
        break;
      case 'pending':
        countPending(s, at.override);
        break;
      case 'excluded':
        s.excluded++;
        this.excluded.add(s.excludedReasons, verdict.code);
        break;
      case 'not-applicable':
        this.na.add(s.extra, verdict.code);
        // A sample given with no outcome still counts (the peak rule compares the first responses
        // of all its tickets, rated or not).
        if (r.samples && Number.isFinite(verdict.sample)) {
          s.sum += verdict.sample;
          addValue(s.samples, verdict.sample);
        }
        break;
      case 'deferred':
        this.defer({
          rule: this.index,
          id: t.id,
          created: t.created_at,
          channel: t.channel,
          agent: t.agent,
          week: at.week,
          keys: at.keys.length === 0 ? NO_KEYS : [...at.keys],
          override: at.override,
          since: verdict.since,
          limit: verdict.limit,
          code: verdict.code,
          over: verdict.over,
          within: verdict.within,
          withinCode: verdict.withinCode,
        });
        break;
    }
  }

  /** Writes the tallies' pending runs into the state: before anything reads it. */
  flush(): void {
    this.na.flush();
    this.breached.flush();
    this.vendor.flush();
    this.volume.flush();
    this.excluded.flush();
  }
}
