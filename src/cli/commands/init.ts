/**
 * `sipro init DIR`: a scheme folder to start from, the bundled demo scheme
 * or (--minimal) a small one with only the required fields. Only the scheme's
 * own files are copied (scheme.yaml and the CSV files), and scheme.yaml
 * starts with a YAML language server line pointing at the JSON Schema the
 * package ships, so that editors check it as it is typed. It never
 * overwrites a folder's contents unless asked to (--force).
 */
import { Command } from '@commander-js/extra-typings';
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ExitCode, UsageError } from '../errors.js';
import type { CommandContext } from '../main.js';
import { packageRoot } from '../packageRoot.js';

/** The demo scheme shipped in the package (package.json "files"). */
export const demoSchemeFolder = () => join(packageRoot(), 'fixtures', 'demo');
/** The minimal scheme shipped in the package. */
export const minimalSchemeFolder = () => join(packageRoot(), 'templates', 'minimal');
/** `sipro schema`'s output, written by the build (build.mjs) and shipped in the package. */
export const SCHEMA_FILE = join('dist', 'scheme.schema.json');

/** A scheme folder's own files: scheme.yaml and its CSV tables (not the demo's README or build scripts). */
const isSchemeFile = (name: string) => name === 'scheme.yaml' || name.endsWith('.csv');

export function initCommand(context: CommandContext) {
  const { io } = context;
  return new Command('init')
    .description('create a scheme folder from the bundled demo scheme (or a minimal one)')
    .argument('<dir>', 'folder to create (must be empty or absent)')
    .option('--minimal', 'a small scheme with only the required fields: one group, old-age pensions', false)
    .option('-f, --force', 'copy into a non-empty folder, replacing files of the same names', false)
    .addHelpText('after', [
      '',
      'scheme.yaml starts with a "# yaml-language-server: $schema=…" line: editors with the',
      'YAML language server (VS Code\'s YAML extension, among others) then check the file',
      'against sipro\'s JSON Schema as you type.',
      '',
      'Examples:',
      '  $ sipro init my-scheme && sipro validate my-scheme',
      '  $ sipro init my-scheme --minimal && sipro project my-scheme',
      '',
    ].join('\n'))
    .action(async (dir, options) => {
      const target = resolve(io.cwd, dir);
      const existing = await contentsOf(target);
      if (existing === 'file') throw new UsageError(`${dir} is a file: give a folder to create`);
      if (existing !== undefined && existing.length > 0 && !options.force) {
        throw new UsageError(`${dir} is not empty (${existing.length} entr${existing.length === 1 ? 'y' : 'ies'}): choose a new or empty folder, or pass --force to replace files of the same names`);
      }
      const source = options.minimal ? minimalSchemeFolder() : demoSchemeFolder();
      const files = (await readdir(source)).filter(isSchemeFile).sort();
      const schema = schemaReference(target, packageRoot());
      const origin = options.minimal ? [] : ['# Copied from sipro\'s demo scheme (fixtures/demo in sipro\'s repository, whose README.md explains every assumption).'];
      await mkdir(target, { recursive: true });
      for (const name of files) {
        if (name === 'scheme.yaml') {
          const text = await readFile(join(source, name), 'utf8');
          await writeFile(join(target, name), [`# yaml-language-server: $schema=${schema}`, ...origin, text].join('\n'));
        } else {
          await copyFile(join(source, name), join(target, name));
        }
      }
      io.stderr.write(`Created ${dir} from the ${options.minimal ? 'minimal' : 'demo'} scheme (${files.join(', ')}).\n` +
        `Editors with the YAML language server check scheme.yaml against ${schema}.\n` +
        `Next: edit ${join(dir, 'scheme.yaml')}, then run: sipro validate ${dir}\n`);
      context.exit(ExitCode.success);
    });
}

/**
 * Where scheme.yaml's language server line points: the JSON Schema of the
 * installed sipro. Relative when the scheme lies in the project sipro is
 * installed in (`../node_modules/sipro/dist/scheme.schema.json`), so the line
 * keeps working for whoever clones the project and runs npm install; else
 * (a global install, npx's cache, a checkout elsewhere) the absolute path.
 * @example schemaReference('/work/app/schemes/a', '/work/app/node_modules/sipro') // '../../node_modules/sipro/dist/scheme.schema.json'
 */
export function schemaReference(schemeFolder: string, root: string): string {
  const parts = root.split(sep);
  const modules = parts.indexOf('node_modules');
  const project = modules < 0 ? root : parts.slice(0, modules).join(sep) || sep;
  // Through node_modules/sipro, not the real path (pnpm's .pnpm/sipro@x.y.z/…), which changes with every upgrade.
  const schemaFile = modules < 0 ? join(root, SCHEMA_FILE) : join(project, 'node_modules', 'sipro', SCHEMA_FILE);
  const fromProject = relative(project, schemeFolder);
  const inProject = fromProject === '' || (!fromProject.startsWith('..') && !isAbsolute(fromProject));
  const reference = inProject ? relative(schemeFolder, schemaFile) : join(root, SCHEMA_FILE);
  return reference.split(sep).join('/');
}

/** The entries of a folder, 'file' if the path is a file, undefined if nothing is there. */
async function contentsOf(path: string): Promise<string[] | 'file' | undefined> {
  try {
    if (!(await stat(path)).isDirectory()) return 'file';
  } catch {
    return undefined;
  }
  return readdir(path);
}
