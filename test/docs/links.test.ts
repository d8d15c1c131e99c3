/**
 * The user documentation (README.md and docs/**) links only inside the
 * repository, every relative link reaches a file that exists, and every
 * `#anchor` names a heading of its target as GitHub renders it. Users learn
 * the model from docs/methodology.md: nothing may send them to the project's
 * private working notes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

const documents = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs'))];
const text = (path: string) => readFileSync(path, 'utf8');
/** Markdown without fenced code blocks, where `[x](y)` and `# x` are not links or headings. */
const prose = (markdown: string) => markdown.replace(/^```[\s\S]*?^```/gm, '');

/**
 * The anchor GitHub gives a heading: lower case, formatting and punctuation
 * dropped (letters, digits, `_`, `-` and spaces kept), spaces as `-`, and
 * `-1`, `-2`… for repeats.
 */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, heading] of prose(markdown).matchAll(/^#{1,6}\s+(.*?)\s*#*\s*$/gm)) {
    const plain = heading!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = plain.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/** Every inline Markdown link target of a document, outside code blocks. */
function links(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
}

describe.each(documents.map((path) => [relative(root, path), path]))('%s', (_name, path) => {
  const markdown = text(path);

  it('never names the private model notes (users learn the model from docs/methodology.md)', () => {
    const lines = markdown.split('\n').map((line, index) => `${index + 1}: ${line}`);
    expect(lines.filter((line) => /\.\.\/shared|\/work\/shared|MODEL\.md/.test(line))).toEqual([]);
  });

  it('links only to files inside the repository that exist, and to headings they have', () => {
    for (const target of links(markdown)) {
      if (/^[a-z]+:/i.test(target)) continue; // an absolute URL (https:, mailto:) is not a repository path
      const [file, anchor] = target.split('#') as [string, string | undefined];
      const destination = file === '' ? path : resolve(dirname(path), file);
      expect(relative(root, destination).startsWith('..'), `${target} leaves the repository`).toBe(false);
      expect(existsSync(destination), `${target}: no such file`).toBe(true);
      if (anchor !== undefined && destination.endsWith('.md')) {
        expect([...anchors(text(destination))], `${target}: no such heading`).toContain(anchor);
      }
    }
  });
});

/** Every text file under `folder`, build output and dependencies left out. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return ['node_modules', 'dist', 'images'].includes(name) ? [] : sourceFiles(path);
    return /\.(ts|mjs|js|json|ya?ml|csv|md|txt)$/.test(name) ? [path] : [];
  });
}

describe('source, fixtures and benchmarks', () => {
  it('cite the model by methodology section, never by the private notes', () => {
    const self = fileURLToPath(import.meta.url);
    const files = ['src', 'bin', 'fixtures', 'test', 'bench', 'docs'].flatMap((folder) => sourceFiles(join(root, folder)));
    const offending = files
      .filter((path) => path !== self)
      .flatMap((path) => text(path).split('\n').flatMap((line, index) =>
        /\.\.\/shared\/|\/work\/shared|MODEL\.md/.test(line) ? [`${relative(root, path)}:${index + 1}: ${line.trim()}`] : []));
    expect(offending).toEqual([]);
  });
});
