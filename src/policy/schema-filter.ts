// The `applies_to` filter (also a share rule's `match` and an after-sales rule's `repair`).

import { z } from 'zod';
import { CHANNELS, PRIORITIES, STATUSES } from '../types.js';
import { glob, once, oneOrMany, paramUnits } from './schema-units.js';

const globs = once(() => oneOrMany(glob()));

const tagSets = () =>
  z.union([
    z.strictObject({
      any: globs().optional().meta({ description: 'At least one tag matches one of these.' }),
      all: globs().optional().meta({ description: 'Every one of these matches some tag.' }),
      none: globs().optional().meta({ description: 'No tag matches any of these.' }),
    }),
    // `tags: [refund, return]` is the common case: any of them.
    globs().transform((any) => ({ any })),
  ]);

export const filterSchema = once(() =>
  z
    .strictObject({
      channel: oneOrMany(z.enum(CHANNELS)).optional(),
      priority: oneOrMany(z.enum(PRIORITIES)).optional(),
      status: oneOrMany(z.enum(STATUSES)).optional(),
      type: globs().optional().meta({ description: 'Ticket type: the whole type matches any of these words/globs.' }),
      tags: tagSets().optional(),
      team: globs().optional(),
      subject: globs().optional().meta({ description: 'Subject: any of these words or phrases (word globs) occurs in it.' }),
      match: z
        .enum(['all', 'any'])
        .optional()
        .meta({ description: '`any`: type, tags.any and subject are alternatives; `all` (default): each given must match.' }),
    })
    .meta({ description: 'Which tickets: every criterion given must hold. Text is case-insensitive words/globs.' })
    .register(paramUnits, { unit: 'filter' }),
);
