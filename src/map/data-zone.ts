// The zone in which an export's timestamps without an offset are read (docs/timestamps.md):
// `--timezone`, else the policy's `inputs.timezone`, else the preset's zone, else the policy's
// `timezone` when it names one; UTC only when none is set, and then it is said to be assumed.

/** Where the data's zone came from, in order of precedence. */
export type ZoneSource = 'flag' | 'inputs' | 'preset' | 'policy' | 'assumed';

export interface DataZone {
  zone: string;
  source: ZoneSource;
}

export interface ZoneSettings {
  /** `--timezone`. */
  flag?: string;
  /** The policy's `inputs.timezone`. */
  inputs?: string;
  /** The policy's `timezone` when it names one (Policy.timezone_set), else undefined. */
  policy?: string;
}

export function dataZone(settings: ZoneSettings, presetZone: string | undefined): DataZone {
  if (settings.flag !== undefined) return { zone: settings.flag, source: 'flag' };
  if (settings.inputs !== undefined) return { zone: settings.inputs, source: 'inputs' };
  if (presetZone !== undefined) return { zone: presetZone, source: 'preset' };
  if (settings.policy !== undefined) return { zone: settings.policy, source: 'policy' };
  return { zone: 'UTC', source: 'assumed' };
}
