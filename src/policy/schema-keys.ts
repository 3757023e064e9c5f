// The keys a mapping may have at a place in the policy, read from the JSON Schema zod makes of
// the policy's schema (its public output): what "did you mean" chooses from for an unknown key.

import { z } from 'zod';
import type { KnownKeys, Path } from './issues.js';

type Json = Record<string, unknown>;

const isMapping = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The schemas a value may match (the branches of anyOf / oneOf / allOf, flattened). */
function branches(schema: unknown): Json[] {
  if (!isMapping(schema)) return [];
  const parts = [schema.anyOf, schema.oneOf, schema.allOf].filter(Array.isArray).flat();
  return parts.length === 0 ? [schema] : parts.flatMap(branches);
}

function step(schema: Json, key: string | number): unknown[] {
  const props = isMapping(schema.properties) ? schema.properties : {};
  if (typeof key === 'string' && Object.hasOwn(props, key)) return [props[key]];
  if (typeof key === 'number' && schema.items !== undefined) return [schema.items];
  if (typeof key === 'string' && isMapping(schema.additionalProperties)) return [schema.additionalProperties];
  return [];
}

/** A branch whose constants (`measure: first-response`) the written object contradicts does not apply. */
function fits(schema: Json, input: unknown): boolean {
  if (!isMapping(input) || !isMapping(schema.properties)) return true;
  for (const [key, prop] of Object.entries(schema.properties)) {
    if (isMapping(prop) && 'const' in prop && Object.hasOwn(input, key) && input[key] !== prop.const) return false;
  }
  return true;
}

export function keysAt(schema: unknown, path: Path, input: unknown): string[] {
  let here = branches(schema);
  for (const key of path) here = here.flatMap((s) => step(s, key)).flatMap(branches);
  const objects = here.filter((s) => isMapping(s.properties));
  const fitting = objects.filter((s) => fits(s, input));
  const keys = new Set<string>();
  for (const s of fitting.length > 0 ? fitting : objects) for (const k of Object.keys(s.properties as Json)) keys.add(k);
  return [...keys];
}

/** Known keys of a zod schema, its JSON Schema made once, on the first unknown key. */
export function knownKeysOf(make: () => z.ZodType): KnownKeys {
  let json: unknown;
  return (path, input) => keysAt((json ??= z.toJSONSchema(make(), { io: 'input', unrepresentable: 'any', reused: 'inline' })), path, input);
}
