// The HTML report's stylesheet, inlined: a system font stack, status colours always paired with
// a text label (colour-blind readers, black-and-white print), and a print layout.

export const HTML_STYLE = `
:root { --pass: #1a7f37; --pass-bg: #dafbe1; --warn: #9a6700; --warn-bg: #fff8c5; --fail: #cf222e; --fail-bg: #ffebe9;
  --none: #6e7781; --none-bg: #eaeef2; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 24px 48px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 0 0 12px; }
h3 { font-size: 14px; margin: 18px 0 8px; }
.meta, .muted { color: var(--muted); }
.meta { margin: 0; font-size: 13px; }
section.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; margin-top: 18px; overflow-x: auto; }
.hero { display: flex; justify-content: space-between; align-items: center; gap: 24px; flex-wrap: wrap; }
.score { display: flex; align-items: center; gap: 16px; }
.score-num { font-size: 44px; font-weight: 700; line-height: 1; font-variant-numeric: tabular-nums; }
.score-of { font-size: 15px; color: var(--muted); font-weight: 400; }
.verdict { font-weight: 700; font-size: 15px; padding: 6px 14px; border-radius: 999px; }
.verdict.pass { background: var(--pass-bg); color: var(--pass); }
.verdict.fail { background: var(--fail-bg); color: var(--fail); }
.reasons { margin: 10px 0 0; padding: 0; list-style: none; display: flex; gap: 8px; flex-wrap: wrap; }
.reasons li { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--fail-bg); color: var(--fail); padding: 2px 8px; border-radius: 6px; }
.counts { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 12px; }
.pill { display: inline-block; font-size: 11px; font-weight: 700; letter-spacing: .03em; text-transform: uppercase; padding: 2px 8px; border-radius: 999px; white-space: nowrap; }
.pill.pass { background: var(--pass-bg); color: var(--pass); }
.pill.warn { background: var(--warn-bg); color: var(--warn); }
.pill.fail { background: var(--fail-bg); color: var(--fail); }
.pill.no_data, .pill.insufficient { background: var(--none-bg); color: var(--none); }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; font-size: 12px; font-weight: 600; color: var(--muted); border-bottom: 1px solid var(--line); padding: 6px 10px; white-space: nowrap; }
td { padding: 8px 10px; border-bottom: 1px solid #eef1f4; vertical-align: middle; }
tr:last-child td { border-bottom: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.rule-id { font: 600 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: nowrap; }
table.rules td:nth-child(2) { min-width: 250px; }
table.rules td:nth-child(3) { width: 240px; }
.rule-title { color: var(--muted); font-size: 13px; }
.tag { font-size: 11px; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 5px; margin-left: 6px; white-space: nowrap; }
.figure { font-variant-numeric: tabular-nums; font-size: 13px; white-space: nowrap; }
.figure b { font-size: 14px; }
.why { font-size: 12px; color: var(--none); font-style: italic; max-width: 260px; }
svg text { font-family: inherit; }
.bar-track { fill: #eaeef2; }
.bar-target { stroke: var(--ink); stroke-width: 2; }
.bar-warn { stroke: #8c959f; stroke-width: 1; stroke-dasharray: 2 1; }
tr.pass .bar-fill { fill: var(--pass); } tr.warn .bar-fill { fill: #d4a72c; } tr.fail .bar-fill { fill: var(--fail); }
tr.insufficient .bar-fill { fill: #8c959f; }
.trend .line { fill: none; stroke: var(--accent); stroke-width: 1.6; stroke-linejoin: round; }
.trend .dot { fill: var(--accent); }
.trend-target { stroke: #8c959f; stroke-dasharray: 3 2; stroke-width: 1; }
.axis { stroke: #8c959f; stroke-width: 1; }
.axis-label { font-size: 8px; fill: var(--muted); }
.axis-title { font-size: 9px; fill: var(--muted); }
.span { font-size: 11px; color: var(--muted); }
.delta-up { color: var(--pass); } .delta-down { color: var(--fail); }
.hists { display: flex; flex-wrap: wrap; gap: 12px 28px; }
.hist-box h3 { margin: 0 0 4px; }
.hist-bar { fill: var(--accent); opacity: .85; }
.hist-count { font-size: 9px; fill: var(--muted); text-anchor: middle; }
.hist-label { font-size: 9px; fill: var(--muted); text-anchor: middle; }
table.breakdown th { white-space: normal; word-break: break-word; vertical-align: bottom; }
table.breakdown td { padding: 6px 8px; }
.table-wrap { overflow: auto; max-height: 75vh; border: 1px solid var(--line); border-radius: 6px; }
.table-wrap table.breakdown th { position: sticky; top: 0; z-index: 2; background: var(--card, #fff); }
.table-wrap table.breakdown th:first-child, .table-wrap table.breakdown td.key { position: sticky; left: 0; z-index: 1; background: var(--card, #fff); }
.table-wrap table.breakdown th:first-child { z-index: 3; }
details.more-keys { margin: 8px 0 0; }
details.more-keys summary { cursor: pointer; font-size: 13px; color: var(--muted); }
td.cell { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.cell small { color: var(--muted); margin-left: 4px; }
td.cell.pass { background: var(--pass-bg); } td.cell.warn { background: var(--warn-bg); } td.cell.fail { background: var(--fail-bg); }
td.cell.none { color: var(--none); }
.key { font-weight: 600; min-width: 120px; }
.breach-reason { font-size: 13px; }
.when { white-space: nowrap; font-variant-numeric: tabular-nums; }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
.note { font-size: 12px; color: var(--muted); margin: 8px 0 0; }
footer { margin-top: 24px; font-size: 12px; color: var(--muted); text-align: center; }
@media print {
  body { background: #fff; font-size: 11px; }
  main { max-width: none; padding: 0; }
  section.card { border: 0; border-top: 1px solid var(--line); border-radius: 0; padding: 12px 0; break-inside: auto; }
  tr, .hist-box { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
