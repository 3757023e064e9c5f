// What differs between the SQL engines: column types, literals, lists, text folding and ISO
// weeks. DuckDB gets CTEs and window functions; the ClickHouse text runs on 18.16, which has
// neither (nor DateTime64, nor an interpolating exact quantile), so what it needs is written with
// subqueries and arrays.

import type { ColumnKind } from './table.js';

export type DialectName = 'duckdb' | 'clickhouse';

export interface Dialect {
  name: DialectName;
  columnType(kind: ColumnKind, required: boolean): string;
  tableSuffix: string;
  /** A string literal. */
  str(text: string): string;
  /** A true flag (a NULL flag is false). */
  flag(column: string): string;
  /** Whether any element `x` of a list makes `test` (written over `x`) true. */
  anyOf(list: string, test: string): string;
  /** The list with each element `variable` replaced by `expr`. */
  mapList(list: string, variable: string, expr: string): string;
  /** The text as policy patterns compare it: lower case, runs of white space, `_` and `-` one space, trimmed. */
  fold(text: string): string;
  /** Lower case (the engine's own tables: sql/subject.ts says where they differ from JavaScript's). */
  lower(text: string): string;
  /** Every match of a regular expression (RE2) replaced; `\1` in the replacement is the first group. */
  regexReplace(text: string, regex: string, replacement: string): string;
  /** Whether the text holds a literal (SQL) substring. */
  contains(text: string, literal: string): string;
  /** Whether a regular expression (RE2, an SQL literal) matches somewhere in the text. */
  regexMatch(text: string, regex: string): string;
  /** `text LIKE pattern` with `\` escaping. */
  like(text: string, pattern: string): string;
  /** `YYYY-Www`, the ISO week of a day number (days since 1970-01-01). */
  isoWeek(dayNumber: string): string;
  /** `YYYY-MM`, the month of a day number (days since 1970-01-01). */
  month(dayNumber: string): string;
  /** Integer division rounding down (both operands Int64). */
  floorDiv(a: string, b: string): string;
}

// JavaScript's \s (and what String.prototype.trim removes), spelled out: RE2 and ClickHouse's
// \s know only ASCII white space.
const JS_SPACE = '\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';

const duckdbStr = (text: string) => `'${text.replace(/'/g, "''")}'`;
const clickhouseStr = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export const duckdb: Dialect = {
  name: 'duckdb',
  columnType(kind, required) {
    const type = { text: 'VARCHAR', instant: 'BIGINT', number: 'DOUBLE', flag: 'BOOLEAN', tags: 'VARCHAR[]' }[kind];
    return required ? `${type} NOT NULL` : type;
  },
  tableSuffix: '',
  str: (text) => duckdbStr(text),
  flag: (column) => `coalesce(${column}, false)`,
  anyOf: (list, test) => `len(list_filter(coalesce(${list}, []), x -> ${test})) > 0`,
  mapList: (list, variable, expr) => `list_transform(coalesce(${list}, []), ${variable} -> ${expr})`,
  fold: (text) => `trim(regexp_replace(lower(${text}), '[${JS_SPACE}_-]+', ' ', 'g'), ' ')`,
  lower: (text) => `lower(${text})`,
  regexReplace: (text, regex, replacement) => `regexp_replace(${text}, ${duckdbStr(regex)}, ${duckdbStr(replacement)}, 'g')`,
  contains: (text, literal) => `contains(${text}, ${literal})`,
  regexMatch: (text, regex) => `regexp_matches(${text}, ${regex})`,
  like: (text, pattern) => `${text} LIKE ${pattern} ESCAPE '\\'`,
  isoWeek: (day) => `strftime(DATE '1970-01-01' + CAST(${day} AS INTEGER), '%G-W%V')`,
  month: (day) => `strftime(DATE '1970-01-01' + CAST(${day} AS INTEGER), '%Y-%m')`,
  floorDiv: (a, b) => `CAST(floor((${a}) / (${b})) AS BIGINT)`,
};

export const clickhouse: Dialect = {
  name: 'clickhouse',
  columnType(kind, required) {
    const type = { text: 'String', instant: 'Int64', number: 'Float64', flag: 'UInt8', tags: 'Array(String)' }[kind];
    return required || kind === 'tags' ? type : `Nullable(${type})`;
  },
  tableSuffix: '\nENGINE = MergeTree() ORDER BY (created_at, id)',
  str: (text) => clickhouseStr(text),
  flag: (column) => `ifNull(${column}, 0) = 1`,
  anyOf: (list, test) => `arrayExists(x -> ${test}, ${list})`,
  mapList: (list, variable, expr) => `arrayMap(${variable} -> ${expr}, ${list})`,
  // 18.16 has no trimBoth: after the first replacement the only white space left is single spaces.
  // The class through clickhouseStr: ClickHouse reads backslash escapes in a literal (`\x{A0}` is not one), RE2 must see them.
  fold: (text) => `replaceRegexpAll(replaceRegexpAll(lowerUTF8(${text}), ${clickhouseStr(`[${JS_SPACE}_-]+`)}, ' '), '^ | $', '')`,
  lower: (text) => `lowerUTF8(${text})`,
  regexReplace: (text, regex, replacement) => `replaceRegexpAll(${text}, ${clickhouseStr(regex)}, ${clickhouseStr(replacement)})`,
  contains: (text, literal) => `position(${text}, ${literal}) > 0`,
  regexMatch: (text, regex) => `match(${text}, ${regex})`,
  like: (text, pattern) => `${text} LIKE ${pattern}`,
  isoWeek: (day) => `concat(toString(toISOYear(toDate(${day}))), '-W', if(toISOWeek(toDate(${day})) < 10, '0', ''), toString(toISOWeek(toDate(${day}))))`,
  month: (day) => `substring(toString(toDate(${day})), 1, 7)`,
  floorDiv: (a, b) => `intDiv((${a}) - if((${a}) < 0 AND (${a}) % (${b}) != 0, ${b}, 0), ${b})`,
};

export const DIALECTS: Record<DialectName, Dialect> = { duckdb, clickhouse };
