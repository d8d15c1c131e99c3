/**
 * A reform as data (STYLE.md, "parameters are data"): `--set path=value`
 * overrides are applied to the parsed scheme document before validation, so
 * an override goes through exactly the checks a value in the file does.
 */
import type { Diagnostic } from './diagnostics.js';

export interface Override {
  /** Dotted field path, e.g. `benefits.old_age.retirement_age.F`. */
  path: string;
  value: unknown;
}

/** Diagnostics of overrides name this pseudo-file: the value came from the command line. */
export const OVERRIDE_FILE = '--set';

const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A copy of `document` with each override applied in order; maps missing
 * along a path are created. The input document is not modified.
 * @example applyOverrides({a: {b: 1}}, [{path: 'a.c.d', value: 2}]).document // {a: {b: 1, c: {d: 2}}}
 */
export function applyOverrides(document: unknown, overrides: readonly Override[]): { document: unknown; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (overrides.length === 0) return { document, diagnostics };
  const root: unknown = document === null || document === undefined ? {} : structuredClone(document);
  if (!isMap(root)) {
    for (const { path } of overrides) diagnostics.push({ severity: 'error', file: OVERRIDE_FILE, path, message: `the scheme document is not a map, so "${path}" cannot be set` });
    return { document: root, diagnostics };
  }
  for (const { path, value } of overrides) {
    const segments = path.split('.');
    const problem = (message: string) => diagnostics.push({ severity: 'error', file: OVERRIDE_FILE, path, message });
    if (segments.some((segment) => segment === '')) {
      problem(`path "${path}" must be field names joined by dots, e.g. benefits.old_age.retirement_age`);
      continue;
    }
    let cursor: Record<string, unknown> | undefined = root;
    for (const [index, segment] of segments.slice(0, -1).entries()) {
      if (cursor[segment] === undefined || cursor[segment] === null) cursor[segment] = {};
      const next: unknown = cursor[segment];
      if (!isMap(next)) {
        problem(`${segments.slice(0, index + 1).join('.')} is not a map, so "${path}" cannot be set`);
        cursor = undefined;
        break;
      }
      cursor = next;
    }
    if (cursor !== undefined) cursor[segments[segments.length - 1]!] = value;
  }
  return { document: root, diagnostics };
}

/** Whether a diagnostic at `issuePath` is about a value some override set (the path, or inside it). */
export function isOverridden(issuePath: readonly PropertyKey[], overrides: readonly Override[]): boolean {
  const dotted = issuePath.map(String);
  return overrides.some(({ path }) => {
    const segments = path.split('.');
    return segments.length <= dotted.length && segments.every((segment, index) => segment === dotted[index]);
  });
}
