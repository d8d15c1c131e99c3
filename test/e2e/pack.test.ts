/**
 * Install anywhere: `npm pack` gives a tarball holding only what a user needs,
 * which installs into a fresh project (the registry only serves the library's
 * three dependencies and the report's three libraries; the CLI is one esbuild
 * bundle) where `npx sipro init`, `project`, `sweep` and `report` work and
 * `import 'sipro'` loads the library.
 */
import { isBuiltin } from 'node:module';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchFolder } from '../cli/helpers.js';
import { REPO } from './spawn.js';

const run = promisify(execFile);

/**
 * The environment without npm's own variables: under `npm test` they name
 * this repository as the prefix, and a nested npm would install into it.
 */
function npmFreeEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  delete env['NO_COLOR'];
  delete env['FORCE_COLOR'];
  return env;
}

interface Packed {
  tarball: string;
  files: string[];
}
let packed: Packed;
let project: string;
let scratch: string | undefined;

/** `npx --no -- sipro …` in the fresh project: exit code and both streams. */
async function npxSipro(...argv: string[]) {
  try {
    const { stdout, stderr } = await run('npx', ['--no', '--', 'sipro', ...argv], { cwd: project, env: npmFreeEnv() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  // npm test has just built dist/: pack it as it is (--ignore-scripts skips prepare's second build).
  const folder = await scratchFolder('sipro-pack-');
  scratch = folder;
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], { cwd: REPO, env: npmFreeEnv() });
  const [report] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  packed = { tarball: join(folder, report!.filename), files: report!.files.map((file) => file.path).sort() };
  project = join(folder, 'fresh-project');
  await mkdir(project);
  await writeFile(join(project, 'package.json'), '{ "name": "fresh-project", "private": true }\n');
  await run('npm', ['install', packed.tarball, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: project, env: npmFreeEnv(), timeout: 180_000 });
}, 240_000);

afterAll(async () => {
  if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('ships the CLI bundle, the library with its types, the JSON Schema, the two schemes to start from and the licence; nothing else', () => {
    const allowed = [
      /^package\.json$/, /^README\.md$/, /^LICENSE$/, /^bin\/(sipro\.js|loadBundle\.cjs|package\.json)$/, /^dist\/bundle\/(main\.cjs|main\.cjs\.cache|worker\.cjs|simulateWorker\.cjs)$/,
      /^dist\/src\/(index|version)\.(js|d\.ts)$/, /^dist\/src\/(core|io|schema)\/[\w/]+\.(js|d\.ts)$/,
      /^dist\/scheme\.schema\.json$/, /^fixtures\/demo\/(scheme\.yaml|\w+\.csv)$/, /^templates\/minimal\/(scheme\.yaml|\w+\.csv)$/,
    ];
    expect(packed.files.filter((file) => !allowed.some((pattern) => pattern.test(file)))).toEqual([]);
    for (const file of ['LICENSE', 'bin/sipro.js', 'bin/loadBundle.cjs', 'bin/package.json', 'dist/bundle/main.cjs', 'dist/bundle/main.cjs.cache', 'dist/bundle/worker.cjs', 'dist/bundle/simulateWorker.cjs', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/scheme.schema.json',
      'fixtures/demo/scheme.yaml', 'fixtures/demo/population.csv', 'templates/minimal/scheme.yaml', 'templates/minimal/mortality.csv']) {
      expect(packed.files).toContain(file);
    }
  });

  it('lists as dependencies exactly the packages the library entry imports and the report libraries the CLI bundle loads on demand; it needs no other', async () => {
    const manifest = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const library = [...await importedPackages(join(REPO, 'dist', 'src', 'index.js'))];
    expect([...library, ...REPORT_LIBRARIES].sort()).toEqual(Object.keys(manifest.dependencies).sort());
    expect([...await importedPackages(join(REPO, 'dist', 'bundle', 'main.cjs'))].sort()).toEqual(REPORT_LIBRARIES);
    expect([...await importedPackages(join(REPO, 'dist', 'bundle', 'main.cjs'), new Set(), new Set(), false)]).toEqual([]);
    expect([...await importedPackages(join(REPO, 'dist', 'bundle', 'worker.cjs'))]).toEqual([]);
    expect([...await importedPackages(join(REPO, 'dist', 'bundle', 'simulateWorker.cjs'))]).toEqual([]);
  });
});

describe('installed from the tarball into a fresh project', () => {
  it('installs sipro, the library\'s dependencies and the report libraries, and no tool of sipro\'s own build', async () => {
    const installed = (await readdir(join(project, 'node_modules'))).filter((name) => !name.startsWith('.'));
    expect(installed).toEqual(expect.arrayContaining(['csv-parse', 'pure-rand', 'sipro', 'yaml', 'zod', ...REPORT_LIBRARIES]));
    for (const tool of ['esbuild', 'typescript', 'vitest', 'puppeteer-core', 'asciichart', 'cli-table3']) expect(installed).not.toContain(tool);
  });

  it('npx sipro report loads the report libraries from the installed package', async () => {
    expect((await npxSipro('init', 'reported', '--minimal')).code).toBe(0);
    expect((await npxSipro('project', 'reported', '--quiet', '--no-entrants')).code).toBe(0);
    const report = await npxSipro('report', join('sipro-out', 'reported'), '--xlsx');
    expect(report.code, report.stderr).toBe(0);
    expect(existsSync(join(project, 'sipro-out', 'reported', 'report.html'))).toBe(true);
    expect(existsSync(join(project, 'sipro-out', 'reported', 'report.xlsx'))).toBe(true);
  }, 60_000);

  it('npx sipro init writes a scheme whose language server line points into node_modules; npx sipro project runs it', async () => {
    const init = await npxSipro('init', 'my-scheme');
    expect(init.code, init.stderr).toBe(0);
    expect((await readdir(join(project, 'my-scheme'))).sort()).toEqual(['income.csv', 'mortality.csv', 'population.csv', 'rates.csv', 'scheme.yaml']);
    const first = (await readFile(join(project, 'my-scheme', 'scheme.yaml'), 'utf8')).split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../node_modules/sipro/dist/scheme.schema.json');
    expect(existsSync(resolve(project, 'my-scheme', '../node_modules/sipro/dist/scheme.schema.json'))).toBe(true);
    const projected = await npxSipro('project', 'my-scheme', '--quiet', '--no-entrants');
    expect(projected.code, projected.stderr).toBe(0);
    expect((await readdir(join(project, 'sipro-out', 'my-scheme'))).sort()).toEqual(['by_group.csv', 'projection.csv', 'scaled_premium.csv', 'subsidy.csv', 'summary.json']);
  }, 60_000);

  it('npx sipro init --minimal, then project, a sweep and a simulation on worker threads', async () => {
    expect((await npxSipro('init', 'small', '--minimal')).code).toBe(0);
    const projected = await npxSipro('project', 'small', '--quiet', '--json');
    expect(projected.code, projected.stderr).toBe(0);
    expect((JSON.parse(projected.stdout) as { effective_rate: number }).effective_rate).toBeCloseTo(0.1, 12);
    const sweep = await npxSipro('sweep', 'small', '--grid', 'contributions.rate=0.08,0.12', '--jobs', '2', '--quiet');
    expect(sweep.code, sweep.stderr).toBe(0);
    expect(existsSync(join(project, 'sipro-out', 'small-sweep', 'sweep.csv'))).toBe(true);
    const simulated = await npxSipro('simulate', 'small', '--scenarios', '4', '--jobs', '2', '--quiet');
    expect(simulated.code, simulated.stderr).toBe(0);
    expect(existsSync(join(project, 'sipro-out', 'small-simulate', 'percentiles.csv'))).toBe(true);
  }, 60_000);

  it('import \'sipro\' loads the library with the installed dependencies alone', async () => {
    const script = "import { loadScheme, projectScheme } from 'sipro'; const { data } = await loadScheme('small-library'); console.log(projectScheme(data).indicators.effective_rate);";
    expect((await npxSipro('init', 'small-library', '--minimal')).code).toBe(0);
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: project, env: npmFreeEnv() });
    expect(Number(stdout)).toBeCloseTo(0.1, 12);
  }, 60_000);
});

/** What `sipro report` and `--xlsx` import() at run time, outside the CLI bundle (build.mjs). */
const REPORT_LIBRARIES = ['exceljs', 'vega', 'vega-lite'];

/** The packages a built module reaches through its relative imports (node: built-ins left out), and through import() unless `dynamic` is false. */
async function importedPackages(entry: string, seen = new Set<string>(), found = new Set<string>(), dynamic = true): Promise<Set<string>> {
  if (seen.has(entry)) return found;
  seen.add(entry);
  const text = await readFile(entry, 'utf8');
  // `import … from 'x'`, `import 'x'`, `export … from 'x'` at the start of a line, as tsc and esbuild write them.
  for (const [, specifier] of text.matchAll(/^(?:import|export)\s*(?:[^'";]*?\bfrom\s*)?['"]([^'"]+)['"]/gm)) {
    if (specifier!.startsWith('.')) await importedPackages(resolve(dirname(entry), specifier!), seen, found, dynamic);
    else if (!specifier!.startsWith('node:')) found.add(specifier!.startsWith('@') ? specifier!.split('/').slice(0, 2).join('/') : specifier!.split('/')[0]!);
  }
  // `require('x')` of a package (a CommonJS bundle's static import), Node's built-ins aside.
  for (const [, specifier] of text.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    if (!specifier!.startsWith('.') && !isBuiltin(specifier!)) found.add(specifier!.startsWith('@') ? specifier!.split('/').slice(0, 2).join('/') : specifier!.split('/')[0]!);
  }
  // import('x'), or importOnDemand('x') (src/io/importOnDemand.ts): loaded when a command needs it.
  for (const [, specifier] of dynamic ? text.matchAll(/\b(?:import|importOnDemand)\(\s*['"]([^'"]+)['"]\s*\)/g) : []) {
    if (!specifier!.startsWith('.') && !specifier!.startsWith('node:')) found.add(specifier!.split('/')[0]!);
  }
  return found;
}
