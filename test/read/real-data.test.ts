// The real exports beside the checkout, read with the counts their README states.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasRealData } from '../support/real-data.js';
import { openAndReadAll, realData } from './helpers.js';

describe.skipIf(!hasRealData('customer-support-tickets.csv', 'twcs-sample.csv'))('real help-desk exports', () => {
  it('customer-support-tickets.csv: 8,469 records of 17 columns', async () => {
    const path = realData('customer-support-tickets.csv');
    const r = await openAndReadAll(path);
    expect(r.source.delimiter).toBe(',');
    expect(r.source.header).toHaveLength(17);
    expect(r.source.header[0]).toBe('Ticket ID');
    expect(r.rows).toHaveLength(8469);
    // No multi-line fields here (`wc -l` = 8,470): record i is on line i + 1.
    expect(r.lines[0]).toBe(2);
    expect(r.lines[8468]).toBe(8470);
    expect(r.rows.every((row) => row.length === 17)).toBe(true);
  });

  it('twcs-sample.csv: 5,000 records; lines count quoted newlines, the bare \\r\\r is content', async () => {
    const path = realData('twcs-sample.csv');
    const r = await openAndReadAll(path);
    expect(r.source.header).toEqual(['', 'tweet_id', 'author_id', 'inbound', 'created_at', 'text', 'response_tweet_id', 'in_response_to_tweet_id']);
    expect(r.rows).toHaveLength(5000);
    expect(r.rows.every((row) => row.length === 8)).toBe(true);
    // The first column is the pandas index 0…4999, in order.
    expect(r.rows.map((row) => row[0])).toEqual(Array.from({ length: 5000 }, (_, i) => String(i)));
    expect(r.rows[2484][5]).toContain('\r\r');
    // Independent check of every line number: the file's line lines[i] (split on \n only)
    // begins with that record's index and a comma.
    const fileLines = readFileSync(path, 'utf8').split('\n');
    for (let i = 0; i < r.rows.length; i++) {
      if (!fileLines[r.lines[i] - 1].startsWith(`${r.rows[i][0]},`)) {
        throw new Error(`record ${i} said to start on line ${r.lines[i]}: ${fileLines[r.lines[i] - 1].slice(0, 40)}`);
      }
    }
    // 5,310 LF in the file and the last record is one line: it starts on line 5,310, far past
    // 5,001, because of the quoted newlines before it.
    expect(r.lines[4999]).toBe(5310);
  });
});
