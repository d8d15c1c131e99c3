/**
 * `scheme.yaml` (or `.yml`, or `.json`) into a resolved `Scheme` (methodology §2),
 * with every problem placed on the line of the field it concerns. The text is
 * parsed by src/io/read/schemeText.ts (JSON as JSON, YAML as YAML; both get
 * line numbers from the YAML parser).
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { z } from 'zod';
import { schemeSchema, type Scheme } from '../schema/scheme.js';
import type { Diagnostic } from './diagnostics.js';
import { describeIssue, fieldMessage, flattenIssue, formatPath, type Issue, type IssuePath } from './describeIssue.js';
import { assertionSyntaxIssues, schemeRuleIssues, type SchemeRuleIssue } from './checks/schemeRules.js';
import { fieldPathProblem } from './overridePaths.js';
import { applyOverrides, isOverridden, OVERRIDE_FILE, type Override } from './overrides.js';
import { parseSchemeText } from './read/schemeText.js';
import { didYouMean } from './suggest.js';

export interface SchemeRead {
  /** Defined iff the document passed the schema. */
  scheme: Scheme | undefined;
  /** The document as parsed, overrides applied, before validation (undefined if unreadable). */
  document: unknown;
  /** The line of a field (or of its nearest ancestor present in the file). */
  lineOf(path: IssuePath): number | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Parses and validates a scheme document.
 * @example readScheme('name: x\n', 'scheme.yaml').diagnostics[0] // {file: 'scheme.yaml', message: 'projection is required', …}
 */
export function readScheme(text: string, file: string, overrides: readonly Override[] = []): SchemeRead {
  const parsed = parseSchemeText(text, file);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const lineOf = (path: IssuePath) => fieldLine(parsed.yaml.contents, path, parsed.lineAt);
  if (!parsed.readable) return { scheme: undefined, document: undefined, lineOf, diagnostics };

  const original: unknown = parsed.value;
  if (typeof original !== 'object' || original === null || Array.isArray(original)) {
    const message = `must hold a map of scheme fields (name, projection, assumptions, contributions, groups, benefits)${original === null || original === undefined ? ', but it is empty' : ''}`;
    diagnostics.push({ severity: 'error', file, message });
    return { scheme: undefined, document: original, lineOf, diagnostics };
  }
  // An override whose path names no field (a typo, a group the scheme does not have) is reported as such and not applied.
  const fieldOverrides = overrides.filter(({ path }) => {
    const problem = fieldPathProblem(path, original);
    if (problem !== undefined) diagnostics.push({ severity: 'error', file: OVERRIDE_FILE, path, message: problem });
    return problem === undefined;
  });
  const { document, diagnostics: overrideProblems } = applyOverrides(original, fieldOverrides);
  diagnostics.push(...overrideProblems);

  const result = schemeSchema.safeParse(document, { reportInput: true, error: describeIssue });
  const issues: Issue[] = result.success ? [] : result.error.issues.flatMap(flattenIssue);
  issues.push(...assertionSyntaxIssues(document).map(asIssue));
  // The rules that tie fields together are checked once every field has its shape.
  if (result.success) issues.push(...schemeRuleIssues(result.data).map(asIssue));
  if (result.success && issues.length === 0) return { scheme: result.data, document, lineOf, diagnostics };
  for (const issue of issues) {
    for (const { path, message } of describeSchemeIssue(issue)) {
      const place = isOverridden(path, overrides)
        ? { file: OVERRIDE_FILE }
        : { file, ...lineField(lineOf(path)) };
      diagnostics.push({ severity: 'error', ...place, path: formatPath(path), message });
    }
  }
  return { scheme: undefined, document, lineOf, diagnostics };
}

/** A cross-field finding in the form of a zod issue, so that it is placed and worded like one. */
const asIssue = ({ path, message, input }: SchemeRuleIssue): Issue => ({ code: 'custom', path, message, input });

const lineField = (line: number | undefined) => (line === undefined ? {} : { line });

/** One issue may name several unknown keys: one message each, on each key's line. */
function describeSchemeIssue(issue: Issue): { path: IssuePath; message: string }[] {
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(issue.path);
    return issue.keys.map((key) => ({
      path: [...issue.path, key],
      message: `unknown field "${formatPath([...issue.path, key])}"${didYouMean(key, allowed) || (allowed.length > 0 ? `: expected one of ${allowed.join(', ')}` : '')}`,
    }));
  }
  if (issue.code === 'invalid_key') {
    const parent = issue.path.slice(0, -1);
    const key = String(issue.path[issue.path.length - 1]);
    const inner = issue.issues[0] ?? issue;
    return [{ path: issue.path, message: fieldMessage(`${formatPath(parent)} key`, key, inner) }];
  }
  return [{ path: issue.path, message: fieldMessage(formatPath(issue.path), issue.input, issue) }];
}

type JsonSchemaNode = {
  properties?: Record<string, JsonSchemaNode>;
  additionalProperties?: JsonSchemaNode | boolean;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
};

/**
 * The field names allowed at a path, read from the scheme's JSON Schema (the
 * public form of the zod schema) to suggest a fix for a misspelt key.
 */
function allowedKeys(path: IssuePath): string[] {
  let nodes: JsonSchemaNode[] = [z.toJSONSchema(schemeSchema, { io: 'input' }) as JsonSchemaNode];
  const expand = (list: JsonSchemaNode[]): JsonSchemaNode[] => list.flatMap((node) => (node.anyOf ? expand(node.anyOf) : [node]));
  for (const segment of path) {
    nodes = expand(nodes).flatMap((node) => {
      if (typeof segment === 'number') return node.items ? [node.items] : [];
      const named = node.properties?.[String(segment)];
      if (named) return [named];
      return typeof node.additionalProperties === 'object' ? [node.additionalProperties] : [];
    });
  }
  return [...new Set(expand(nodes).flatMap((node) => Object.keys(node.properties ?? {})))];
}

/**
 * The line of the key (in a map) or the item (in a list) at `path`, or of the
 * deepest ancestor that exists when the field itself is missing.
 */
function fieldLine(root: unknown, path: IssuePath, lineAt: (offset: number) => number): number | undefined {
  let node: unknown = root;
  let line: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair === undefined) break;
      const keyRange = (pair.key as Node).range;
      if (keyRange) line = lineAt(keyRange[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item?.range) break;
      line = lineAt(item.range[0]);
      node = item;
    } else {
      break;
    }
  }
  return line;
}
