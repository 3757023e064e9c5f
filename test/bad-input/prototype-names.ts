// Every Object.prototype property name as data: the export and the policy that keys.test.ts
// (in process) and keys-cli.test.ts (the real command) audit.

export const NAMES = Object.getOwnPropertyNames(Object.prototype);

/**
 * Per name: one ticket whose id, agent, team and tag are the name, on email, answered late (a
 * breach), and one whose channel cell is the name (an unknown channel: `other`).
 */
export function csv(): string {
  const rows = ['id,channel,created_at,first_response_at,status,agent,team,tags'];
  NAMES.forEach((n, i) => {
    const at = `2024-03-0${4 + (i % 3)}T0${i % 9}:00:00Z`;
    rows.push(`${n},email,${at},2024-03-08T09:00:00Z,solved,${n},${n},${n}`);
    rows.push(`c-${i},${n},${at},2024-03-08T09:00:00Z,solved,${n},${n},${n}`);
  });
  // Each name once more on a ticket answered in time, so every key has met and breached tickets.
  NAMES.forEach((n, i) => rows.push(`ok-${i},email,2024-03-04T10:00:00Z,2024-03-04T10:30:00Z,solved,${n},${n},fine`));
  return `${rows.join('\n')}\n`;
}

/** Schedules named after each property; rules counting in three of them; an exclude tag and a filter tag that are property names. */
export function policyYaml(): string {
  const schedules = NAMES.map(
    (n) =>
      `  ${n}: {timezone: UTC, mon: ["00:00-24:00"], tue: ["00:00-24:00"], wed: ["00:00-24:00"], thu: ["00:00-24:00"], fri: ["00:00-24:00"], sat: ["00:00-24:00"], sun: ["00:00-24:00"]}`,
  );
  return [
    'name: prototype names',
    'gate: {min_sample: 1}',
    'exclude_tags: [spam, valueOf]',
    'schedules:',
    ...schedules,
    'rules:',
    '  - {id: email-first-response, clock: business, schedule: __proto__}',
    '  - {id: vip-first-response, expectation: channel, title: VIP, measure: first-response, window: 1h, target: 90%, clock: business, schedule: constructor, applies_to: {tags: {any: [toString, hasOwnProperty]}}}',
    '  - {id: other-first-response, expectation: channel, title: Other channel, measure: first-response, window: 1h, target: 90%, clock: business, schedule: toString, applies_to: {channel: other}}',
    '',
  ].join('\n');
}
