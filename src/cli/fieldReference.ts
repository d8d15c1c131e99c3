/**
 * The field reference (docs/reference.md, `sipro schema --reference`): every
 * field of scheme.yaml and every CSV column with its kind, unit, default,
 * range and one-line description, read from the zod schemas' JSON Schema —
 * the schemas that validate the files — so that the reference cannot drift
 * from what sipro accepts. `npm run docs:reference` writes the file; a test
 * fails when the committed file differs.
 */
import { z } from 'zod';
import { formatBound } from '../schema/bounds.js';
import { schemeSchema } from '../schema/scheme.js';
import { tableColumns, type TableName } from '../schema/tables.js';

/** The part of a JSON Schema node the reference reads. */
interface Node {
  type?: string;
  enum?: unknown[];
  anyOf?: Node[];
  properties?: Record<string, Node>;
  additionalProperties?: Node | boolean;
  items?: Node;
  required?: string[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  description?: string;
  unit?: string;
}

export interface FieldRow {
  field: string;
  kind: string;
  unit: string;
  default: string;
  range: string;
  description: string;
}

/** Maps whose fields the reference does not list again: a group's contributions take the default rule's fields. */
const NOT_EXPANDED = new Set(['groups.<group>.contributions']);

/** zod writes an integer as bounded by ±(2^53 − 1): no bound a reader needs. */
const isBound = (value: number | undefined): value is number => value !== undefined && Math.abs(value) !== Number.MAX_SAFE_INTEGER;

/** Every field of scheme.yaml, parents before their fields, in the schema's order. */
export function schemeFieldRows(): FieldRow[] {
  const root = z.toJSONSchema(schemeSchema, { io: 'input' }) as Node;
  const rows: FieldRow[] = [];
  walk(root, '', rows);
  return rows;
}

/** Every column of one CSV file, key columns first as the schema lists them. */
export function tableColumnRows(table: TableName): FieldRow[] {
  const { schema, keys } = tableColumns[table];
  const root = z.toJSONSchema(schema, { io: 'input' }) as Node;
  const required: readonly string[] = keys;
  return Object.entries(root.properties ?? {}).map(([name, node]) => row(name, node, required.includes(name)));
}

function walk(node: Node, prefix: string, rows: FieldRow[]): void {
  const required = new Set(node.required ?? []);
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const field = `${prefix}${name}`;
    rows.push(row(field, child, required.has(name)));
    if (NOT_EXPANDED.has(field)) continue;
    const inner = withoutNull(child);
    if (inner.properties) walk(inner, `${field}.`, rows);
    else if (inner.items?.properties) walk(inner.items, `${field}[].`, rows);
    else if (typeof inner.additionalProperties === 'object' && inner.additionalProperties.properties) {
      walk(inner.additionalProperties, `${field}.<group>.`, rows);
    }
  }
}

/** The node without its `null` branch (a nullable field is described by what it holds otherwise). */
function withoutNull(node: Node): Node {
  const branches = node.anyOf?.filter((branch) => branch.type !== 'null');
  return branches?.length === 1 ? { ...node, ...branches[0]!, anyOf: undefined } : node;
}

function row(field: string, node: Node, required: boolean): FieldRow {
  return {
    field,
    kind: kindOf(node),
    unit: node.unit ?? '',
    default: defaultOf(node, required),
    range: rangeOf(node),
    description: node.description ?? '',
  };
}

function kindOf(node: Node): string {
  if (node.anyOf) {
    const kinds = node.anyOf.map((branch) => kindOf(branch));
    return [...new Set(kinds)].join(' or ');
  }
  if (node.enum) return node.enum.map(String).join(' | ');
  switch (node.type) {
    case 'number': return 'number';
    case 'integer': return 'whole number';
    case 'string': return 'text';
    case 'boolean': return 'true or false';
    case 'null': return 'null';
    case 'array': return node.items ? `list of ${plural(kindOf(node.items))}` : 'list';
    case 'object':
      if (node.properties && 'F' in node.properties && 'M' in node.properties) return '{F, M}';
      if (typeof node.additionalProperties === 'object') {
        return node.additionalProperties.properties ? 'map name → map' : `map year → ${kindOf(node.additionalProperties)}`;
      }
      return 'map';
    default: return '';
  }
}

const plural = (kind: string) => (kind.includes(' | ') ? kind : `${kind}s`);

function defaultOf(node: Node, required: boolean): string {
  if (node.default === undefined) return required ? 'required' : '';
  if (typeof node.default === 'object' && node.default !== null && !Array.isArray(node.default) && Object.keys(node.default).length === 0) return '';
  return JSON.stringify(node.default).replace(/"/g, '').replace(/,/g, ', ').replace(/:/g, ': ');
}

/** `[0, 1e13]`, `(-1, 10]`, `>= 0`: the numeric bounds of the node (of its number branch, its items, its F and M). */
function rangeOf(node: Node): string {
  const numeric = findNumeric(node);
  if (numeric === undefined) return '';
  const low = numeric.exclusiveMinimum ?? numeric.minimum;
  const high = numeric.exclusiveMaximum ?? numeric.maximum;
  const lowKnown = isBound(low);
  const highKnown = isBound(high);
  if (lowKnown && highKnown) {
    return `${numeric.exclusiveMinimum !== undefined ? '(' : '['}${formatBound(low)}, ${formatBound(high)}${numeric.exclusiveMaximum !== undefined ? ')' : ']'}`;
  }
  if (lowKnown) return `${numeric.exclusiveMinimum !== undefined ? '>' : '>='} ${formatBound(low)}`;
  if (highKnown) return `${numeric.exclusiveMaximum !== undefined ? '<' : '<='} ${formatBound(high)}`;
  return '';
}

function findNumeric(node: Node): Node | undefined {
  if (node.type === 'number' || node.type === 'integer') return node;
  for (const branch of node.anyOf ?? []) {
    const found = findNumeric(branch);
    if (found) return found;
  }
  if (node.items) return findNumeric(node.items);
  if (node.properties?.['F']) return findNumeric(node.properties['F']);
  if (typeof node.additionalProperties === 'object') return findNumeric(node.additionalProperties);
  return undefined;
}

const TABLE_INTRO: Record<TableName, string> = {
  population: 'Members and pensioners at the start of the base year: one row per cell or per member; rows with the same key add up.',
  income: 'Monthly incomes by group, sex and age band: each age from min_age to the sex\'s retirement age − 1 is covered by exactly one row.',
  mortality: 'Mortality by sex and age, every age from min_age to max_age.',
  rates: 'Yearly probabilities by group, sex and age (optional: without the file every rate is 0). A group\'s own row replaces the * row of the same sex and age.',
};

const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

function table(rows: readonly FieldRow[], first: string): string {
  const lines = [
    `| ${first} | kind | unit | default | range | description |`,
    '|---|---|---|---|---|---|',
    ...rows.map((field) => `| \`${field.field}\` | ${escapeCell(field.kind)} | ${field.unit} | ${escapeCell(field.default)} | ${field.range} | ${escapeCell(field.description)} |`),
  ];
  return lines.join('\n');
}

/** docs/reference.md, whole. */
export function fieldReference(): string {
  const schemeRows = schemeFieldRows();
  const topOf = (field: FieldRow) => field.field.split(/[.[]/)[0]!;
  const sections = [...new Set(schemeRows.map(topOf))];
  // Top-level fields without fields of their own share one table; each section with fields has its own.
  const nested = new Set(schemeRows.filter((field) => field.field !== topOf(field)).map(topOf));
  const parts = [
    '<!-- Generated from the schemas in src/schema by `npm run docs:reference`; do not edit by hand. -->',
    '# Field reference',
    '',
    'Every field of `scheme.yaml` and every column of the CSV files, as `sipro validate` checks them.',
    '`sipro schema --reference` prints this page; `sipro schema` prints the JSON Schema editors use, with the same descriptions.',
    '',
    'Units: **money a month** is an amount per person and month, **money a year** per person and year, **money per death** a',
    'lump sum, **money** a total; all in money of the base year (`projection.base_year`) unless the description says otherwise.',
    'A **share** or **probability** is a decimal (0.025 for 2.5 %), a **rate a year** too. **default** is the value a field takes',
    'when it is left out; **required** fields have none. **range** gives the bounds `sipro validate` enforces: they are far beyond',
    'real schemes and keep every product the model forms finite. Rules that tie fields together (a rule kind\'s required field,',
    'ages within [min_age, max_age], health bands covering every age once, compounded indices within [1e-30, 1e30]) are checked',
    'too, and listed in the descriptions.',
    '',
    '## scheme.yaml',
    '',
  ];
  parts.push('### Top level', '', table(schemeRows.filter((field) => !nested.has(topOf(field))), 'field'), '');
  for (const section of sections.filter((name) => nested.has(name))) {
    parts.push(`### ${section}`, '', table(schemeRows.filter((field) => topOf(field) === section), 'field'), '');
  }
  parts.push('## CSV files', '', 'Cells are trimmed; an empty cell takes the column\'s default. Columns marked required must be in the header.', '');
  for (const name of Object.keys(tableColumns) as TableName[]) {
    parts.push(`### ${name}.csv`, '', TABLE_INTRO[name], '', table(tableColumnRows(name), 'column'), '');
  }
  return `${parts.join('\n').trimEnd()}\n`;
}
