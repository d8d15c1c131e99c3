/**
 * The report's one stylesheet, inline: a readable column on screen, A4 pages
 * in print with each section on a new page, figures and tables never split.
 * System fonts only (Arial's metrics, which the charts were laid out for), so
 * the page loads nothing.
 */
export const STYLESHEET = `
:root { --ink: #1d1d1f; --muted: #5a5a5f; --rule: #d9d9de; --accent: #0072B2; --warn: #D55E00; --paper: #ffffff; --tint: #f4f6f9; }
* { box-sizing: border-box; }
html { background: var(--tint); }
body { margin: 0 auto; max-width: 980px; background: var(--paper); color: var(--ink); font: 15px/1.5 "Liberation Sans", Arial, Helvetica, sans-serif; padding: 0 44px 48px; }
header.cover { padding: 40px 0 20px; border-bottom: 3px solid var(--accent); }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--accent); margin: 0 0 6px; font-weight: bold; }
h1 { font-size: 28px; line-height: 1.2; margin: 0 0 10px; }
h2 { font-size: 21px; margin: 40px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 16px; margin: 24px 0 8px; }
.facts { margin: 0; padding: 0; list-style: none; color: var(--muted); }
.facts li { display: inline; }
.facts li + li::before { content: " · "; }
.banner { margin: 18px 0 0; padding: 10px 14px; border-left: 4px solid var(--warn); background: #fdf1ea; font-size: 14px; }
nav.contents { margin: 20px 0 0; font-size: 14px; }
nav.contents ol { margin: 4px 0 0; padding-left: 0; list-style: none; columns: 2; }
p { margin: 8px 0; }
.lead { font-size: 16px; }
figure.chart { margin: 20px 0 28px; }
figure.chart figcaption { font-weight: bold; font-size: 15px; margin-bottom: 6px; }
figure.chart .figno { color: var(--accent); }
figure.chart .plot svg { display: block; max-width: 100%; height: auto; }
figure.chart .note { font-size: 13px; color: var(--muted); margin-top: 4px; }
table { border-collapse: collapse; margin: 12px 0 20px; font-size: 13.5px; width: 100%; }
table.definitions { width: auto; min-width: 60%; }
table.wide { font-size: 12px; }
table.wide th, table.wide td { padding: 3px 5px; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 6px; font-size: 14px; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); font-weight: bold; }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.table-scroll { overflow-x: auto; }
.negative { color: var(--warn); }
code, .hash { font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
.missing { border: 1px dashed var(--rule); padding: 8px 12px; font-size: 13px; color: var(--muted); }
.opinion { border: 1px solid var(--rule); padding: 12px 16px; background: var(--tint); }
footer { margin-top: 40px; font-size: 12px; color: var(--muted); border-top: 1px solid var(--rule); padding-top: 8px; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  html, body { background: white; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  header.cover { padding-top: 0; }
  main > section { break-before: page; }
  h2 { margin-top: 0; }
  h2, h3, caption, figcaption { break-after: avoid; }
  figure.chart, table.definitions, tr { break-inside: avoid; }
  .table-scroll { overflow: visible; }
  table.wide { font-size: 7.5pt; }
  table.wide th, table.wide td { padding: 2px 3px; }
  nav.contents a { color: inherit; text-decoration: none; }
  a { color: inherit; }
}
`;
