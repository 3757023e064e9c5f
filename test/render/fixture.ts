// The hand-made sample report (fixtures/render/report.json) and helpers shared by the tests.

import { readFileSync } from 'node:fs';
import type { Report } from '../../src/report.js';

export const FIXTURE_PATH = new URL('../../fixtures/render/report.json', import.meta.url);

/** A fresh copy each call: renderers must not mutate, and tests may. */
export function sampleReport(): Report {
  return JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as Report;
}

export const HOSTILE_ID = '<img src=x onerror=alert(1)>';

/** Any C0/C1 control other than line feed (and ESC in particular). */
export const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;
