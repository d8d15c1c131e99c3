/**
 * The previous release, built beside this checkout, so that every benchmark
 * compares new and old side by side in one run (this machine's timings move
 * by tens of percent between runs; the ratio of two interleaved measures
 * does not). The release is unpacked from git (`git archive`), linked to this
 * checkout's node_modules (its dependencies are a subset of ours) and built
 * with its own build script, once: later runs reuse the build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** sipro 0.1.0: tag v0.1.0, or its commit when the clone has no tags. */
export const BASELINE = { version: '0.1.0', tag: 'v0.1.0', commit: '4810812' } as const;

/** The folder of a built copy of the baseline release (bin/sipro.js, dist/src, dist/bundle). */
export function baselineCheckout(root: string): string {
  const folder = join(root, 'node_modules', '.cache', 'sipro-bench', BASELINE.version);
  if (existsSync(join(folder, 'dist', 'bundle', 'main.mjs'))) return folder;
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const revision = tryRevision(root, BASELINE.tag) ?? BASELINE.commit;
  const archive = execFileSync('git', ['archive', '--format=tar', revision], { cwd: root, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', folder], { input: archive });
  symlinkSync(join(root, 'node_modules'), join(folder, 'node_modules'), 'dir');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: folder, stdio: 'inherit' });
  execFileSync(process.execPath, ['build.mjs'], { cwd: folder, stdio: 'inherit' });
  return folder;
}

function tryRevision(root: string, name: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--verify', '--quiet', `${name}^{commit}`], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}
