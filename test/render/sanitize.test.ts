import { describe, expect, it } from 'vitest';
import { csvSafe, escapeHtml, markdownCell, terminalSafe, xmlAttr, xmlText } from '../../src/render/sanitize.js';
import { humanMinutes } from '../../src/render/duration-text.js';

describe('terminalSafe', () => {
  it('drops CSI colour and cursor sequences whole', () => {
    expect(terminalSafe('\u001b[31mRed\u001b[0m \u001b[2J\u001b[Hx')).toBe('Red x');
    expect(terminalSafe('a\u009b1;31mb')).toBe('ab'); // 8-bit CSI
  });
  it('drops OSC hyperlinks, keeping their visible text', () => {
    expect(terminalSafe('see \u001b]8;;http://x\u0007link\u001b]8;;\u0007 now')).toBe('see link now');
    expect(terminalSafe('t\u001b]0;title\u001b\\ok')).toBe('tok'); // ST terminator
    expect(terminalSafe('x\u001b]8;;http://unterminated')).toBe('x');
  });
  it('turns line breaks and tabs into spaces, strips other controls and bidi overrides', () => {
    expect(terminalSafe('a\nb\r\nc\td')).toBe('a b c d');
    expect(terminalSafe('a\u0000b\u0007c\u007fd\u0085e')).toBe('abcd e');
    expect(terminalSafe('yes\u202Eevil\u2066x\u2069')).toBe('yesevilx');
    expect(terminalSafe('\u001bcreset')).toBe('reset'); // ESC c (RIS)
  });
  it('keeps printable text, including non-Latin letters and emoji', () => {
    expect(terminalSafe('Carol Díaz — 東京 ✔ 👍 | 100%')).toBe('Carol Díaz — 東京 ✔ 👍 | 100%');
  });
});

describe('escapeHtml', () => {
  it('escapes markup characters', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">&\'')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;');
  });
});

describe('markdownCell', () => {
  it('neutralises pipes, line breaks, HTML and emphasis', () => {
    expect(markdownCell('a|b\nc')).toBe('a\\|b c');
    expect(markdownCell('<script>x</script>')).toBe('&lt;script&gt;x&lt;/script&gt;');
    expect(markdownCell('*bold* _it_ `code` [l](u) ~s~')).toBe('\\*bold\\* \\_it\\_ \\`code\\` \\[l\\](u) \\~s\\~');
  });
});

describe('csvSafe', () => {
  it('makes formula-looking cells text', () => {
    for (const s of ['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvSafe(s)).toBe(`'${s}`);
    expect(csvSafe('plain =x')).toBe('plain =x');
  });
});

describe('xml text', () => {
  it('strips characters XML 1.0 forbids and escapes the rest', () => {
    expect(xmlText('a\u0000b\u001b[31mc\uFFFEd<&>')).toBe('abcd&lt;&amp;&gt;');
    expect(xmlAttr('"q" \'a\'\nb')).toBe('&quot;q&quot; &#39;a&#39;&#10;b');
  });
});

describe('humanMinutes', () => {
  it('writes durations like the rule reasons do', () => {
    // 3 min; 1872 min = 31 h 12 min (hours up to two days); 3060 min = 2 d 3 h; 0.75 min = 45 s.
    expect([3, 1872, 3060, 0.75, 190, 10080].map(humanMinutes)).toEqual(['3m', '31h12m', '2d3h', '45s', '3h10m', '7d']);
    expect(humanMinutes(0)).toBe('0s');
    expect(humanMinutes(null)).toBe('–');
  });
});
