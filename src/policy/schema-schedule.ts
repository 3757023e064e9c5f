// Schedules as people write them: weekly hours per day, holidays, public holidays, versions.

import { z } from 'zod';
import { localDate, oneOrMany, timeRange, zoneName } from './schema-units.js';

/** Day keys in the order a week is written; their index in `WEEK` is not the Sunday-first index. */
export const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DayName = (typeof DAY_NAMES)[number];
/** 0 = Sunday … 6 = Saturday, as in ScheduleVersion.week. */
export const DAY_INDEX: Record<DayName, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

const dayHours = () => oneOrMany(timeRange()).optional().meta({ description: 'Open hours that day, e.g. ["09:00-12:00", "13:00-17:00"].' });

const dayShape = () => Object.fromEntries(DAY_NAMES.map((d) => [d, dayHours()])) as Record<DayName, ReturnType<typeof dayHours>>;

const holiday = () =>
  z.union([
    localDate(),
    z.strictObject({
      date: localDate(),
      hours: z.array(timeRange()).min(1).optional().meta({ description: 'Only these hours are closed; without it the whole day is.' }),
      name: z.string().optional(),
    }),
  ]);

export const publicHolidaysSchema = () =>
  z
    .strictObject({
      country: z.string().min(1).meta({ description: 'ISO 3166 country code, e.g. "DE".' }),
      state: z.string().min(1).optional().meta({ description: 'State/province code, e.g. "BY".' }),
      region: z.string().min(1).optional(),
    })
    .meta({ description: 'Public holidays (type "public" in date-holidays) close the whole day.' });

const versionSchema = () =>
  z.strictObject({
    valid_from: localDate().meta({ description: 'First local date this version applies to.' }),
    timezone: zoneName().optional(),
    ...dayShape(),
    holidays: z.array(holiday()).default([]),
    public_holidays: publicHolidaysSchema().optional(),
  });

export const scheduleSchema = () =>
  z
    .strictObject({
      timezone: zoneName().optional().meta({ description: "Defaults to the policy's timezone." }),
      ...dayShape(),
      holidays: z.array(holiday()).default([]).meta({ description: 'Closed local dates: "2024-12-25", or {date, hours} for only some hours.' }),
      public_holidays: publicHolidaysSchema().optional(),
      versions: z.array(versionSchema()).default([]).meta({ description: 'Later weekly hours, each from its valid_from date on.' }),
    })
    .meta({ description: 'Weekly opening hours in a time zone, minus holidays.' });

export type ScheduleInput = z.output<ReturnType<typeof scheduleSchema>>;
export type VersionInput = z.output<ReturnType<typeof versionSchema>>;
export type HolidayInput = z.output<ReturnType<typeof holiday>>;
