/**
 * Diagnostics as the lines a user reads, `file:line: message`, so that a test
 * states the whole message it expects.
 */
import { rm } from 'node:fs/promises';
import { afterEach } from 'vitest';
import { minimalWith } from '../cli/helpers.js';

export const placed = (diagnostics: { file: string; line?: number; message: string }[]) =>
  diagnostics.map((d) => `${d.file}${d.line === undefined ? '' : `:${d.line}`}: ${d.message}`);

/**
 * A function that copies fixtures/minimal into a fresh folder, each copy
 * removed after the test that made it. Call once, at a test file's top level.
 */
export function minimalCopies(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    for (const folder of made.splice(0)) await rm(folder, { recursive: true, force: true });
  });
  return async () => {
    const folder = await minimalWith();
    made.push(folder);
    return folder;
  };
}
