// The measures a policy rule may name (`measure:`). Each has exactly one definition, a module of
// its own listed in rules/index.ts: the registry's type is a mapped type over these ids, so a
// measure without a definition (or a definition of an unknown measure) does not compile.

export const MEASURE_IDS = [
  'first-response',
  'next-reply',
  'update-gap',
  'resolution',
  'requester-wait',
  'phone-wait',
  'csat',
  'nps',
  'share',
  'reopen-rate',
  'one-touch',
  'missed-rate',
  'promise-updates',
  'after-sales',
  'queue-hygiene',
  'peak',
  'presales',
  'returns-approval',
  'refund-speed',
] as const;

export type MeasureId = (typeof MEASURE_IDS)[number];
