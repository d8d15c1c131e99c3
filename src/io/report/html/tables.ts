/** HTML tables of the report: a caption, a header row, right-aligned numbers. */
import { html, raw, type RawHtml } from './escape.js';

export interface TableColumn {
  label: string;
  /** Numbers are right-aligned with tabular figures. */
  numeric?: boolean;
}

export interface TableOptions {
  caption?: string;
  /** A class for the table: `wide` tables use a smaller type. */
  className?: string;
  /** The first column holds row labels (th, scope=row). */
  rowHeaders?: boolean;
}

export function htmlTable(columns: readonly TableColumn[], rows: readonly (readonly (string | RawHtml)[])[], options: TableOptions = {}): RawHtml {
  const cell = (value: string | RawHtml, index: number) => {
    const numeric = columns[index]?.numeric === true;
    const content = typeof value === 'string' ? html`${value}` : value;
    if (index === 0 && options.rowHeaders) return html`<th scope="row"${raw(numeric ? ' class="num"' : '')}>${content}</th>`;
    return html`<td${raw(numeric ? ' class="num"' : '')}>${content}</td>`;
  };
  const head = columns.map((column) => html`<th scope="col"${raw(column.numeric ? ' class="num"' : '')}>${column.label}</th>`);
  const body = rows.map((row) => html`<tr>${row.map(cell)}</tr>`);
  return html`<div class="table-scroll"><table${raw(options.className ? ` class="${options.className}"` : '')}>${options.caption ? html`<caption>${options.caption}</caption>` : raw('')}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** A two-column table of labels and values (headline indicators, the run record). */
export function definitionTable(rows: readonly (readonly [string, string | RawHtml])[], caption?: string, numeric = true): RawHtml {
  return htmlTable([{ label: 'Item' }, { label: 'Value', numeric }], rows, { rowHeaders: true, className: 'definitions', ...(caption === undefined ? {} : { caption }) });
}
