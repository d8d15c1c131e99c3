/**
 * sipro's own install folder, where the bundled demo scheme lives. Found by
 * walking up from this module: the built file sits in dist/src/cli/ and the
 * source in src/cli/ (under vitest), so a fixed number of `..` would be wrong
 * for one of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let folder = dirname(from);
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'sipro') return folder;
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`sipro's package.json was not found above ${from}`);
    folder = parent;
  }
}
