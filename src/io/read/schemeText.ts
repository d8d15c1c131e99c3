/**
 * The text of scheme.yaml / scheme.yml / scheme.json into a plain document
 * and a map from field paths to lines. A `.json` file is JSON: JSON.parse
 * decides what it holds (a trailing comma is an error there, though YAML would
 * take it), and the YAML parser only gives the lines, so it parses a JSON
 * file only when a line is asked for or a key appears twice: a valid
 * scheme.json is read without it (the YAML parse of the stress scheme's
 * 10 kB took 25 ms of a 490 ms run, cold). Hostile input gets one message
 * each: nesting deep enough to overflow the parser's stack, and aliases that
 * expand exponentially (an "alias bomb").
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { MAX_ALIAS_COUNT, MAX_NESTING } from './limits.js';
import { count, quoted } from './shown.js';

export interface SchemeText {
  /** The document, or undefined when the text cannot be read. */
  value: unknown;
  readable: boolean;
  /** The parsed YAML (for field lines), parsed when first asked for; its contents may be null when unreadable. */
  readonly yaml: Document.Parsed;
  lineAt(offset: number): number;
  diagnostics: Diagnostic[];
}

/**
 * Parses a scheme file's text.
 * @example parseSchemeText('{"name": "x",}', 'scheme.json').diagnostics[0].message // 'cannot read the JSON: a trailing comma before "}" is not allowed: remove it'
 */
export function parseSchemeText(source: string, file: string): SchemeText {
  const text = source.replace(/^\uFEFF/, '');
  const lineCounter = new LineCounter();
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const diagnostics: Diagnostic[] = [];
  const error = (line: number | undefined, message: string) =>
    diagnostics.push({ severity: 'error', file, ...(line === undefined ? {} : { line }), message });
  const json = file.endsWith('.json');
  const language = json ? 'JSON' : 'YAML';

  const deep = deepestNesting(text);
  if (deep !== undefined) {
    const yaml = parseDocument('', { lineCounter: new LineCounter() });
    error(deep.line, `cannot read the ${language}: it nests [ and { more than ${MAX_NESTING} levels deep here (a scheme needs a handful): is this the right file?`);
    return { value: undefined, readable: false, yaml, lineAt: () => deep.line, diagnostics };
  }
  if (json) return parseJson(text, file);
  const yaml = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });

  for (const problem of yaml.errors) {
    const [start] = problem.pos;
    const message = problem.code === 'DUPLICATE_KEY'
      ? duplicateKeyMessage(text, start)
      : problem.code === 'RESOURCE_EXHAUSTION'
        ? `cannot read the YAML: it is nested too deeply for the parser: is this the right file?`
        : `cannot read the YAML: ${problem.message.split('\n')[0]}`;
    error(lineAt(start), message);
  }
  for (const problem of yaml.warnings) {
    diagnostics.push({ severity: 'warning', file, line: lineAt(problem.pos[0]), message: problem.message.split('\n')[0]! });
  }
  if (yaml.errors.length > 0) return { value: undefined, readable: false, yaml, lineAt, diagnostics };
  try {
    return { value: yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), readable: true, yaml, lineAt, diagnostics };
  } catch (problem) {
    if (!(problem instanceof ReferenceError)) throw problem;
    error(undefined, `cannot read the YAML: its aliases (*name) expand to more than ${count(MAX_ALIAS_COUNT)} copies of their anchors (&name): write the repeated values out, or alias less`);
    return { value: undefined, readable: false, yaml, lineAt, diagnostics };
  }
}

/** A `.json` scheme: JSON.parse gives the value; the YAML parse, for lines and for keys given twice, waits until it is needed. */
function parseJson(text: string, file: string): SchemeText {
  const lineCounter = new LineCounter();
  let yaml: Document.Parsed | undefined;
  const parsedYaml = () => (yaml ??= parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true }));
  const lineAt = (offset: number) => {
    parsedYaml();
    return lineCounter.linePos(offset).line;
  };
  const diagnostics: Diagnostic[] = [];
  const result = (value: unknown): SchemeText => ({
    value, readable: value !== undefined && diagnostics.length === 0, get yaml() { return parsedYaml(); }, lineAt, diagnostics,
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (problem) {
    const { line, message } = describeJsonError(text, (problem as Error).message, lineAt);
    diagnostics.push({ severity: 'error', file, ...(line === undefined ? {} : { line }), message: `cannot read the JSON: ${message}` });
    return result(undefined);
  }
  // JSON.parse keeps the last of two equal keys without a word: that is an error here, as in YAML, whose parser places it.
  if (hasDuplicateKey(text)) {
    for (const problem of parsedYaml().errors) {
      if (problem.code === 'DUPLICATE_KEY') diagnostics.push({ severity: 'error', file, line: lineAt(problem.pos[0]), message: duplicateKeyMessage(text, problem.pos[0]) });
    }
  }
  return result(value);
}

/**
 * Whether an object of a valid JSON text holds a key twice, keys compared as
 * JSON.parse decodes them (`"a"` and `"\u0061"` are one key).
 * @example hasDuplicateKey('{"a": 1, "b": {"a": 2}}') // false
 * @example hasDuplicateKey('{"a": 1, "\\u0061": 2}') // true
 */
export function hasDuplicateKey(json: string): boolean {
  // One entry per open bracket: the keys seen in a `{`, undefined for a `[`.
  const open: (Set<string> | undefined)[] = [];
  for (let index = 0; index < json.length; index += 1) {
    const code = json.charCodeAt(index);
    if (code === OPEN_BRACE) open.push(new Set());
    else if (code === OPEN_BRACKET) open.push(undefined);
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) open.pop();
    else if (code === QUOTE) {
      let end = index + 1;
      let escaped = false;
      for (; end < json.length && json.charCodeAt(end) !== QUOTE; end += 1) {
        if (json.charCodeAt(end) === BACKSLASH) { escaped = true; end += 1; }
      }
      const keys = open.at(-1);
      let next = end + 1;
      while (JSON_SPACE.has(json.charCodeAt(next))) next += 1;
      // In an object, a string followed by a colon is a key; a value is followed by a comma or a brace.
      if (keys !== undefined && json.charCodeAt(next) === COLON) {
        const key = escaped ? JSON.parse(json.slice(index, end + 1)) as string : json.slice(index + 1, end);
        if (keys.has(key)) return true;
        keys.add(key);
      }
      index = end;
    }
  }
  return false;
}

const OPEN_BRACE = 0x7b; // {
const CLOSE_BRACE = 0x7d; // }
const OPEN_BRACKET = 0x5b; // [
const CLOSE_BRACKET = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // backslash
const COLON = 0x3a; // :
/** JSON's white space: space, tab, line feed, carriage return. */
const JSON_SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** The key written at `offset` (yaml points at its start only), without JSON quotes. */
function duplicateKeyMessage(text: string, offset: number): string {
  const key = (text.slice(offset, offset + 1000).split(/[:\n]/)[0] ?? '').trim().replace(/^["']|["']$/g, '');
  return `key ${quoted(key)} appears twice in the same map: keep one`;
}

/**
 * JSON.parse's message with its place: V8 gives a position for most errors
 * ("… in JSON at position 9"), and for the others quotes the source, which is
 * left out. A trailing comma — the usual fault of hand-written JSON — is named.
 */
export function describeJsonError(text: string, message: string, lineAt: (offset: number) => number): { line: number | undefined; message: string } {
  const position = /at position (\d+)/.exec(message)?.[1];
  const comma = trailingComma(text);
  if (comma !== undefined && (position === undefined || Number(position) >= comma.offset)) {
    return { line: lineAt(comma.offset), message: `a trailing comma before "${comma.closer}" is not allowed: remove it` };
  }
  const plain = message.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
  const what = plain.charAt(0).toLowerCase() + plain.slice(1);
  if (position === undefined) return { line: undefined, message: what };
  const offset = Number(position);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return { line: lineAt(offset), message: `${what} (column ${offset - lineStart + 1})` };
}

/** The first `,` followed (after white space) by `]` or `}`, outside strings. */
function trailingComma(text: string): { offset: number; closer: string } | undefined {
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index += 1;
      else if (character === '"') inString = false;
      continue;
    }
    if (character === '"') { inString = true; continue; }
    if (character !== ',') continue;
    let next = index + 1;
    while (next < text.length && /\s/.test(text[next]!)) next += 1;
    if (text[next] === ']' || text[next] === '}') return { offset: index, closer: text[next]! };
  }
  return undefined;
}

/** Characters after which a quote opens a quoted scalar (YAML) or a string (JSON). */
const TOKEN_START = new Set([undefined, ' ', '\t', '\n', '\r', ':', ',', '[', '{', '-', '?']);
/** Characters after which `#` starts a comment. */
const SPACE = new Set([undefined, ' ', '\t', '\n', '\r']);

/**
 * The first line where `[` and `{` nest deeper than MAX_NESTING, outside
 * quotes and comments. A rough scan, erring towards less depth (a stray
 * apostrophe hides the brackets after it), so that it never refuses a real scheme.
 */
export function deepestNesting(text: string): { line: number } | undefined {
  let depth = 0;
  let line = 1;
  let quote: string | undefined;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (character === '\n') line += 1;
    if (quote !== undefined) {
      if (quote === '"' && character === '\\') {
        index += 1;
        if (text[index] === '\n') line += 1;
      } else if (character === quote) quote = undefined;
      continue;
    }
    const previous = text[index - 1];
    if ((character === '"' || character === "'") && TOKEN_START.has(previous)) { quote = character; continue; }
    if (character === '#' && SPACE.has(previous)) {
      const end = text.indexOf('\n', index);
      if (end < 0) break;
      index = end - 1;
      continue;
    }
    if (character === '[' || character === '{') {
      depth += 1;
      if (depth > MAX_NESTING) return { line };
    } else if ((character === ']' || character === '}') && depth > 0) {
      depth -= 1;
    }
  }
  return undefined;
}
