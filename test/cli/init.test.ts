/**
 * `sipro init DIR`: the demo scheme's own files (not its README or build
 * scripts), or with --minimal a scheme with only the required fields; both
 * validate and project as they are, and scheme.yaml starts with a YAML
 * language server line pointing at the JSON Schema the package ships.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml, parseDocument } from 'yaml';
import { schemaReference } from '../../src/cli/commands/init.js';
import { fixture, REPO, runSipro, scratchFolder } from './helpers.js';

const scratch: string[] = [];
afterEach(async () => {
  for (const folder of scratch.splice(0)) await rm(folder, { recursive: true, force: true });
});
async function workspace(): Promise<string> {
  const folder = await scratchFolder();
  scratch.push(folder);
  return folder;
}

const DEMO_FILES = ['income.csv', 'mortality.csv', 'population.csv', 'rates.csv', 'scheme.yaml'];
const MINIMAL_FILES = ['income.csv', 'mortality.csv', 'population.csv', 'scheme.yaml'];
/** In-process runs take sipro's sources for an installed package: its root is the repository, outside any node_modules. */
const SCHEMA_FILE = join(REPO, 'dist', 'scheme.schema.json');

/** The file a `# yaml-language-server: $schema=…` first line points at, resolved from the scheme folder. */
async function schemaLine(folder: string): Promise<string> {
  const first = (await readFile(join(folder, 'scheme.yaml'), 'utf8')).split('\n')[0]!;
  const match = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
  expect(match, first).not.toBeNull();
  return isAbsolute(match![1]!) ? match![1]! : resolve(folder, match![1]!);
}

describe('sipro init', () => {
  it('copies the demo scheme\'s own files, scheme.yaml under a language server line; the copy validates', async () => {
    const cwd = await workspace();
    const result = await runSipro(['init', 'my-scheme'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`Created my-scheme from the demo scheme (${DEMO_FILES.join(', ')}).\n` +
      `Editors with the YAML language server check scheme.yaml against ${SCHEMA_FILE}.\n` +
      'Next: edit my-scheme/scheme.yaml, then run: sipro validate my-scheme\n');
    expect((await readdir(join(cwd, 'my-scheme'))).sort()).toEqual(DEMO_FILES);
    expect((await readdir(fixture('demo'))).sort()).toEqual(['README.md', 'build', ...DEMO_FILES]);
    expect(await readFile(join(cwd, 'my-scheme', 'scheme.yaml'), 'utf8')).toBe([
      `# yaml-language-server: $schema=${SCHEMA_FILE}`,
      '# Copied from sipro\'s demo scheme (fixtures/demo in sipro\'s repository, whose README.md explains every assumption).',
      await readFile(fixture('demo', 'scheme.yaml'), 'utf8'),
    ].join('\n'));
    for (const name of DEMO_FILES.filter((file) => file.endsWith('.csv'))) {
      expect(await readFile(join(cwd, 'my-scheme', name), 'utf8')).toBe(await readFile(fixture('demo', name), 'utf8'));
    }
    expect(await schemaLine(join(cwd, 'my-scheme'))).toBe(SCHEMA_FILE);
    expect((await runSipro(['validate', 'my-scheme'], { cwd })).code).toBe(0);
  });

  it('accepts an existing empty folder', async () => {
    const cwd = await workspace();
    await mkdir(join(cwd, 'empty'));
    expect((await runSipro(['init', 'empty'], { cwd })).code).toBe(0);
    expect(existsSync(join(cwd, 'empty', 'scheme.yaml'))).toBe(true);
  });

  it('refuses a non-empty folder with exit 2 and leaves it alone', async () => {
    const cwd = await workspace();
    await mkdir(join(cwd, 'busy'));
    await writeFile(join(cwd, 'busy', 'notes.txt'), 'mine');
    const result = await runSipro(['init', 'busy'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('busy is not empty');
    expect(await readdir(join(cwd, 'busy'))).toEqual(['notes.txt']);
  });

  it('copies into a non-empty folder with --force, keeping other files', async () => {
    const cwd = await workspace();
    await mkdir(join(cwd, 'busy'));
    await writeFile(join(cwd, 'busy', 'notes.txt'), 'mine');
    await writeFile(join(cwd, 'busy', 'scheme.yaml'), 'old');
    expect((await runSipro(['init', 'busy', '--force'], { cwd })).code).toBe(0);
    expect(await readFile(join(cwd, 'busy', 'notes.txt'), 'utf8')).toBe('mine');
    expect(await readFile(join(cwd, 'busy', 'scheme.yaml'), 'utf8')).toContain(await readFile(fixture('demo', 'scheme.yaml'), 'utf8'));
  });

  it('refuses a path that is a file, and a missing argument, with exit 2', async () => {
    const cwd = await workspace();
    await writeFile(join(cwd, 'a-file'), '');
    expect((await runSipro(['init', 'a-file'], { cwd })).code).toBe(2);
    expect((await runSipro(['init'], { cwd })).code).toBe(2);
  });
});

describe('sipro init --minimal', () => {
  it('writes a small scheme that validates without a warning and projects', async () => {
    const cwd = await workspace();
    const result = await runSipro(['init', 'small', '--minimal'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Created small from the minimal scheme (${MINIMAL_FILES.join(', ')}).\n`);
    expect((await readdir(join(cwd, 'small'))).sort()).toEqual(MINIMAL_FILES);
    expect(await schemaLine(join(cwd, 'small'))).toBe(SCHEMA_FILE);
    const validate = await runSipro(['validate', 'small'], { cwd });
    expect(validate.stderr).toContain('small is valid');
    expect(validate.stderr).not.toContain('warning');
    expect(validate.code).toBe(0);
    const project = await runSipro(['project', 'small', '--quiet', '--json'], { cwd });
    expect(project.code).toBe(0);
    // Everyone pays 10 % of income: no floor, ceiling, affordability or missed months by default.
    expect((JSON.parse(project.stdout) as { effective_rate: number }).effective_rate).toBeCloseTo(0.1, 12);
  });

  it('holds only what is required: without any one of its scheme.yaml keys it no longer validates', async () => {
    const cwd = await workspace();
    expect((await runSipro(['init', 'small', '--minimal'], { cwd })).code).toBe(0);
    const text = await readFile(join(cwd, 'small', 'scheme.yaml'), 'utf8');
    const paths: string[][] = [];
    const walk = (value: unknown, path: string[]) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
      for (const [key, inner] of Object.entries(value)) {
        paths.push([...path, key]);
        walk(inner, [...path, key]);
      }
    };
    walk(parseYaml(text), []);
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) {
      const document = parseDocument(text);
      document.deleteIn(path);
      await writeFile(join(cwd, 'small', 'scheme.yaml'), document.toString());
      expect((await runSipro(['validate', 'small'], { cwd })).code, `without ${path.join('.')}`).toBe(3);
    }
  });
});

describe('the language server line', () => {
  it('points at a file that is `sipro schema`\'s JSON Schema, which accepts both schemes as draft-07 validators read it', async () => {
    const shipped = JSON.parse(await readFile(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
    const printed = JSON.parse((await runSipro(['schema'])).stdout) as Record<string, unknown>;
    expect(shipped['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect({ ...shipped, $schema: printed['$schema'] }).toEqual(printed);
    const validate = new Ajv({ strict: false, allErrors: true }).compile(shipped);
    for (const folder of [fixture('demo'), join(REPO, 'templates', 'minimal')]) {
      const scheme = parseYaml(await readFile(join(folder, 'scheme.yaml'), 'utf8')) as unknown;
      expect(validate(scheme), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(validate({ ...(parseYaml(await readFile(fixture('demo', 'scheme.yaml'), 'utf8')) as object), curency: 'XOF' })).toBe(false);
  });

  it.each([
    ['a scheme in the project sipro is installed in', '/work/app/schemes/a', '/work/app/node_modules/sipro', '../../node_modules/sipro/dist/scheme.schema.json'],
    ['the scheme folder at the project root', '/work/app/a', '/work/app/node_modules/sipro', '../node_modules/sipro/dist/scheme.schema.json'],
    ['pnpm: through node_modules/sipro, not the versioned store path', '/work/app/a', '/work/app/node_modules/.pnpm/sipro@0.1.0/node_modules/sipro', '../node_modules/sipro/dist/scheme.schema.json'],
    ['a global install', '/home/me/a', '/usr/lib/node_modules/sipro', '/usr/lib/node_modules/sipro/dist/scheme.schema.json'],
    ['npx\'s cache', '/home/me/a', '/home/me/.npm/_npx/0a1b/node_modules/sipro', '/home/me/.npm/_npx/0a1b/node_modules/sipro/dist/scheme.schema.json'],
    ['a checkout of sipro, scheme inside it', '/src/sipro/my-scheme', '/src/sipro', '../dist/scheme.schema.json'],
    ['a checkout of sipro, scheme elsewhere', '/tmp/a', '/src/sipro', '/src/sipro/dist/scheme.schema.json'],
    ['node_modules at the file system root', '/app/a', '/node_modules/sipro', '../../node_modules/sipro/dist/scheme.schema.json'],
  ])('%s', (_, schemeFolder, root, expected) => {
    expect(schemaReference(schemeFolder, root)).toBe(expected);
  });
});
