/**
 * A valid scheme.json is read without the YAML parser, which then parses it
 * only for lines and for keys given twice. hasDuplicateKey decides whether a
 * key is given twice: here against hand-written texts and against the YAML
 * parser's own verdict (uniqueKeys) on generated JSON.
 */
import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { hasDuplicateKey, parseSchemeText } from '../../src/io/read/schemeText.js';

describe('hasDuplicateKey', () => {
  it.each([
    ['{}', false],
    ['{"a": 1, "b": 2}', false],
    ['{"a": 1, "a": 2}', true],
    ['{"a": {"a": 1}}', false], // the same key in two objects
    ['{"a": {"b": 1, "b": 2}}', true], // twice in a nested object
    ['{"x": [{"a": 1}, {"a": 2}]}', false], // objects side by side in a list
    ['{"x": [{"a": 1, "a": 2}]}', true],
    ['{"a": "a", "b": "a"}', false], // equal values are not keys
    ['{"a": ["a", "a"]}', false],
    ['{"a:": 1, "a": 2}', false], // a colon inside a key
    ['{"a\\"": 1, "a": 2}', false], // an escaped quote inside a key
    ['{"a\\"": 1, "a\\"": 2}', true],
    ['{"a": 1, "\\u0061": 2}', true], // one key, written two ways
    ['{"a" \n\t : 1, "a"\r\n: 2}', true], // white space before the colon
    ['{"a\\\\": 1, "b": 2}', false], // a key ending in a backslash
    ['["a", "a"]', false],
    ['"a"', false],
  ])('%s → %s', (json, expected) => {
    expect(hasDuplicateKey(json)).toBe(expected);
  });

  type Node = { scalar: unknown } | { items: Node[] } | { pairs: [string, Node][] };
  const key = fc.constantFrom('a', 'b', 'name', 'a:', 'a"b', 'a\\', '\u00e9', ' ');
  const { node } = fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.record({ scalar: fc.constantFrom(0, 1.5, 'a', 'b:', true, null) }),
      fc.record({ items: fc.array(tie('node'), { maxLength: 3 }) }),
      fc.record({ pairs: fc.array(fc.tuple(key, tie('node')), { maxLength: 4 }) }),
    ),
  }));

  /** JSON text of a node: an object is written pair by pair, so a key may appear twice; keys plain or as \\u escapes. */
  const write = (tree: Node, escapeKeys: boolean): string => {
    if ('scalar' in tree) return JSON.stringify(tree.scalar);
    if ('items' in tree) return `[${tree.items.map((item) => write(item, escapeKeys)).join(', ')}]`;
    const name = (text: string) => (escapeKeys ? `"${[...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"` : JSON.stringify(text));
    return `{${tree.pairs.map(([k, v]) => `${name(k)} : ${write(v, escapeKeys)}`).join(',\n')}}`;
  };

  test.prop([node, fc.boolean()])('agrees with the YAML parser on generated JSON', (tree, escapeKeys) => {
    const json = write(tree, escapeKeys);
    expect(() => JSON.parse(json)).not.toThrow();
    const yamlSays = parseDocument(json, { uniqueKeys: true }).errors.some((problem) => problem.code === 'DUPLICATE_KEY');
    expect(hasDuplicateKey(json)).toBe(yamlSays);
  });
});

describe('parseSchemeText reads JSON without YAML until it is needed', () => {
  it('gives the value, and the line of a field when asked', () => {
    const parsed = parseSchemeText('{\n  "name": "x",\n  "projection": {\n    "horizon": 3\n  }\n}\n', 'scheme.json');
    expect(parsed.readable).toBe(true);
    expect(parsed.value).toEqual({ name: 'x', projection: { horizon: 3 } });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.lineAt(parsed.yaml.contents!.range[0] + 1)).toBe(1);
  });

  it('still reports each key given twice on its line', () => {
    const parsed = parseSchemeText('{\n"a": 1,\n"a": 2,\n"b": {"c": 1,\n"c": 2}\n}', 'scheme.json');
    expect(parsed.readable).toBe(false);
    expect(parsed.diagnostics.map(({ line, message }) => `${line}: ${message}`)).toEqual([
      '3: key "a" appears twice in the same map: keep one',
      '5: key "c" appears twice in the same map: keep one',
    ]);
  });
});

describe('hasDuplicateKey on text that is not JSON', () => {
  it('returns, without reading past the end, where a string is never closed', () => {
    expect(hasDuplicateKey('{"a": 1, "b')).toBe(false);
    expect(hasDuplicateKey('{"a": "\\')).toBe(false);
  });
});
