/**
 * `sipro init DIR`: a copy of the bundled demo scheme to start from. It never
 * overwrites a folder's contents unless asked to (--force).
 */
import { Command } from '@commander-js/extra-typings';
import { cp, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ExitCode, UsageError } from '../errors.js';
import type { CommandContext } from '../main.js';
import { packageRoot } from '../packageRoot.js';

/** The demo scheme shipped in the package (package.json "files"). */
export const demoSchemeFolder = () => join(packageRoot(), 'fixtures', 'demo');

export function initCommand(context: CommandContext) {
  const { io } = context;
  return new Command('init')
    .description('create a scheme folder from the bundled demo scheme')
    .argument('<dir>', 'folder to create (must be empty or absent)')
    .option('-f, --force', 'copy into a non-empty folder, replacing files of the same names', false)
    .addHelpText('after', '\nExample:\n  $ sipro init my-scheme && sipro validate my-scheme\n')
    .action(async (dir, options) => {
      const target = resolve(io.cwd, dir);
      const existing = await contentsOf(target);
      if (existing === 'file') throw new UsageError(`${dir} is a file: give a folder to create`);
      if (existing !== undefined && existing.length > 0 && !options.force) {
        throw new UsageError(`${dir} is not empty (${existing.length} entr${existing.length === 1 ? 'y' : 'ies'}): choose a new or empty folder, or pass --force to replace files of the same names`);
      }
      const demo = demoSchemeFolder();
      await cp(demo, target, { recursive: true, force: true });
      const files = (await readdir(demo)).sort();
      io.stderr.write(`Created ${dir} from the demo scheme (${files.join(', ')}).\nNext: edit ${join(dir, 'scheme.yaml')}, then run: sipro validate ${dir}\n`);
      context.exit(ExitCode.success);
    });
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
