// Which export layout a header is (docs/mapping.md "Detection"). A preset matches when all its
// `detect.required` columns are present; its score is 0.5 for that plus 0.5 × the share of its
// `detect.hints` present, so a preset that names more of the header wins over a looser one. Ties
// keep the registry order.

import { didYouMean } from '../did-you-mean.js';
import { InputError, UsageError } from '../errors.js';
import { normalizeHeader } from '../read/header.js';
import type { PresetSpec } from './preset.js';

export interface Detection {
  preset: PresetSpec;
  score: number;
  candidates: { id: string; score: number }[];
}

function scoreOf(preset: PresetSpec, names: Set<string>): { score: number; requiredShare: number } {
  const required = preset.detect.required.map(normalizeHeader);
  const hints = (preset.detect.hints ?? []).map(normalizeHeader);
  let req = 0;
  for (const r of required) if (names.has(r)) req++;
  let hit = 0;
  for (const h of hints) if (names.has(h)) hit++;
  const requiredShare = required.length ? req / required.length : 0;
  if (req < required.length || required.length === 0) return { score: 0, requiredShare };
  // Required columns alone earn half; hints the other half, so a preset that recognises more of
  // the header outranks a looser one that merely does not object to it.
  return { score: hints.length ? 0.5 + (0.5 * hit) / hints.length : 0.5, requiredShare };
}

/** Longest header cell quoted in a message: one cell of 59 kB (a whole line read as one cell) made a 59 kB line. */
const CELL_SHOWN = 60;

function list(names: string[], max: number): string {
  const shown = names
    .slice(0, max)
    .map((n) => (n.length > CELL_SHOWN ? `${n.slice(0, CELL_SHOWN - 1)}…` : n))
    .join(', ');
  return names.length > max ? `${shown}, …` : shown;
}

export function detectPreset(header: string[], presets: PresetSpec[], forced?: string): Detection {
  const names = new Set(header.map(normalizeHeader));
  const scored = presets.map((preset) => ({ preset, ...scoreOf(preset, names) }));
  const candidates = scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((s) => ({ id: s.preset.id, score: Math.round(s.score * 1000) / 1000 }));

  if (forced !== undefined) {
    const want = forced.trim().toLowerCase();
    const hit = scored.find((s) => s.preset.id.toLowerCase() === want);
    if (!hit) {
      const ids = presets.map((p) => p.id);
      throw new UsageError(`unknown preset '${forced}'${didYouMean(forced, ids)}: known presets are ${ids.join(', ')}.`);
    }
    return { preset: hit.preset, score: hit.score, candidates };
  }

  // Stable sort above keeps registry order among equal scores.
  const best = scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score)[0];
  if (best) return { preset: best.preset, score: best.score, candidates };

  // Name the closest layout, so the sentence says what a near miss looked like.
  const closest = [...scored].sort((a, b) => b.requiredShare - a.requiredShare)[0];
  const expected = closest ? ` The closest layout, ${closest.preset.label}, needs '${list(closest.preset.detect.required, 4)}'.` : '';
  throw new InputError(
    `not a known export layout: found columns '${list(header, 8)}'.${expected} Use --preset <id> or map the columns in the policy's \`inputs\` (docs/mapping.md).`,
    undefined,
    'unknown-layout',
  );
}
