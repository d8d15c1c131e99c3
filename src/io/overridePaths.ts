/**
 * Whether an override path names a field of scheme.yaml, checked before any
 * value is: a misspelt path (`contributons.rate`) is reported as such with a
 * "did you mean", and `groups.<name>.…` must name one of the scheme's groups
 * — an override changes a group, it never adds one (a new group would have
 * no income rows, and the message would be about income.csv instead of the
 * typo). The walk reads the scheme's JSON Schema, the public form of the zod
 * schema that validates the file, so it knows every field the file may hold.
 */
import { z } from 'zod';
import { schemeSchema } from '../schema/scheme.js';
import { didYouMean } from './suggest.js';

/** The part of a JSON Schema node the walk reads. */
interface Node {
  type?: string;
  anyOf?: Node[];
  properties?: Record<string, Node>;
  additionalProperties?: Node | boolean;
  items?: Node;
}

let schemaRoot: Node | undefined;
/** The scheme's JSON Schema, built on first use (a pure function of the zod schema). */
const root = (): Node => (schemaRoot ??= z.toJSONSchema(schemeSchema, { io: 'input' }) as Node);

const expand = (nodes: readonly Node[]): Node[] => nodes.flatMap((node) => (node.anyOf ? expand(node.anyOf) : [node]));
const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Why `path` cannot name a field of a scheme whose document is `document`,
 * or undefined when it can. Table scales (`@mortality.qx`) are not fields and
 * pass; an empty segment is reported by scenarios.ts (`overridePathProblem`).
 * @example fieldPathProblem('contributons.rate', scheme) // 'unknown field "contributons" (in contributons.rate); did you mean "contributions"?'
 * @example fieldPathProblem('groups.tradrs.compliance', scheme) // 'unknown group "tradrs" (in groups.tradrs.compliance): an override cannot add a group; the scheme's groups are traders, drivers; did you mean "traders"?'
 */
export function fieldPathProblem(path: string, document: unknown): string | undefined {
  if (path.startsWith('@')) return undefined;
  const segments = path.split('.');
  let nodes: Node[] = [root()];
  for (const [index, segment] of segments.entries()) {
    const field = segments.slice(0, index + 1).join('.');
    const where = field === path ? '' : ` (in ${path})`;
    const parent = segments.slice(0, index).join('.');
    if (parent === 'groups') {
      const groups = isMap(document) && isMap(document['groups']) ? Object.keys(document['groups']) : undefined;
      if (groups !== undefined && !groups.includes(segment)) {
        return `unknown group "${segment}"${where}: an override cannot add a group; the scheme's groups are ${groups.join(', ')}${didYouMean(segment, groups)}`;
      }
    }
    const expanded = expand(nodes);
    const next = expanded.flatMap((node) => {
      const named = node.properties?.[segment];
      if (named !== undefined) return [named];
      return typeof node.additionalProperties === 'object' ? [node.additionalProperties] : [];
    });
    if (next.length > 0) {
      nodes = next;
      continue;
    }
    const maps = expanded.filter((node) => node.properties !== undefined || typeof node.additionalProperties === 'object');
    if (maps.length === 0) {
      const list = expanded.some((node) => node.items !== undefined);
      return `${parent} is ${list ? 'a list' : 'not a map'}, so "${path}" cannot be set${list ? `: set the whole list, e.g. ${parent}=[…]` : ''}`;
    }
    const allowed = [...new Set(maps.flatMap((node) => Object.keys(node.properties ?? {})))];
    const hint = didYouMean(segment, allowed) || (allowed.length > 0 ? `: expected one of ${allowed.join(', ')}` : '');
    return `unknown field "${field}"${where}${hint}`;
  }
  return undefined;
}

/**
 * The kind of number the field at `path` holds: `integer` for whole-number
 * fields (ages, years, `period_years`), `number` for the others and for
 * table scales, undefined when it holds no number (text, a list, a map) or
 * is no field. A field that takes a number or a map (an assumption, a
 * by-sex age) takes the number's kind.
 * @example numberKind('benefits.old_age.retirement_age') // 'integer'
 * @example numberKind('contributions.rate') // 'number'
 */
export function numberKind(path: string): 'integer' | 'number' | undefined {
  if (path.startsWith('@')) return 'number';
  let nodes: Node[] = [root()];
  for (const segment of path.split('.')) {
    nodes = expand(nodes).flatMap((node) => {
      const named = node.properties?.[segment];
      if (named !== undefined) return [named];
      return typeof node.additionalProperties === 'object' ? [node.additionalProperties] : [];
    });
  }
  const types = new Set(expand(nodes).map((node) => node.type));
  if (types.has('number')) return 'number';
  return types.has('integer') ? 'integer' : undefined;
}
