import { describe, expect, it } from 'vitest';
import { fieldCounts, sniffDelimiter } from '../../src/read/sniff.js';

describe('sniffDelimiter', () => {
  it('picks the comma when semicolons only appear inside quoted text', () => {
    const sample = 'id,subject,channel\n1,"a; b; c",email\n2,"x;y",chat\n';
    expect(sniffDelimiter(sample)).toBe(',');
  });

  it('picks the semicolon of a European export with decimal commas', () => {
    // `,` splits the data rows into 2 or 3 fields but the header into 1: not a candidate.
    const sample = 'id;amount;rate\n1;12,50;0,2\n2;3,00;1\n';
    expect(sniffDelimiter(sample)).toBe(';');
  });

  it('picks tab and pipe', () => {
    expect(sniffDelimiter('id\tsubject\n1\thello, world\n')).toBe('\t');
    expect(sniffDelimiter('id|subject|x\n1|a,b|c\n2|d;e|f\n')).toBe('|');
  });

  it('prefers the consistent split over a wider inconsistent one', () => {
    // `,`: 4, 1, 4 fields (2 of 3 records match the header); `;`: 3, 3, 3 (all match).
    const sample = 'a,b;c,d;e,f\n1;2;3\n4,5,6,7;8;9\n';
    expect(fieldCounts(sample, ',')).toEqual([4, 1, 4]);
    expect(fieldCounts(sample, ';')).toEqual([3, 3, 3]);
    expect(sniffDelimiter(sample)).toBe(';');
    // Equal consistency (2 of 3 each): the wider header wins, `,` with 3 over `;` with 2.
    expect(sniffDelimiter('a,b,c;d\nx;y;z,w,v\n1;2;3\n')).toBe(',');
  });

  it('does not count delimiters inside quoted newlines and ignores blank lines', () => {
    const sample = 'id;text\r\n1;"a,b\r\nc,d,e"\r\n\r\n2;plain\r\n';
    expect(fieldCounts(sample, ';')).toEqual([2, 2, 2]);
    // With `,` the quote is not at a field start (`1;"a`), so it is text, as in the parser.
    expect(fieldCounts(sample, ',')).toEqual([1, 2, 3, 1]);
    expect(sniffDelimiter(sample)).toBe(';');
  });

  it('treats a quote inside an unquoted field as text, as the parser does', () => {
    expect(fieldCounts('id,size,x\n1,5" screen,y\n2,a,b\n', ',')).toEqual([3, 3, 3]);
  });

  it('falls back to the comma for a single column', () => {
    expect(sniffDelimiter('subject\nhello\nworld\n')).toBe(',');
    expect(sniffDelimiter('')).toBe(',');
  });
});
