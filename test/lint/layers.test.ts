/**
 * The layers point one way (cli → io → core → schema) because lint says so:
 * each case plants an import that points the wrong way in a file of a layer
 * and expects ESLint's layer rule to reject it, and the allowed direction to
 * pass. A rule that silently stopped matching would fail here.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO } from '../cli/helpers.js';

const eslint = new ESLint({ cwd: REPO });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${REPO}/${filePath}` });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports' || message.ruleId === 'no-restricted-globals')
    .map((message) => message.message);
}

describe('lint keeps the layers pointing one way', () => {
  it.each([
    ['schema importing core at run time', 'src/schema/planted.ts', "import { SEXES } from '../core/rules.js';\nexport const x = SEXES;\n", 'lowest layer'],
    ['schema importing io', 'src/schema/planted.ts', "import { didYouMean } from '../io/suggest.js';\nexport const x = didYouMean;\n", 'lowest layer'],
    ['schema importing a type from core', 'src/schema/planted.ts', "import type { Sex } from '../core/rules.js';\nexport type X = Sex;\n", 'lowest layer'],
    ['core importing io', 'src/core/planted.ts', "import { toCsv } from '../io/writeCsv.js';\nexport const x = toCsv;\n", 'shell'],
    ['core importing cli', 'src/core/nested/planted.ts', "import { main } from '../../cli/main.js';\nexport const x = main;\n", 'shell'],
    ['core importing schema at run time', 'src/core/planted.ts', "import { schemeSchema } from '../schema/scheme.js';\nexport const x = schemeSchema;\n", 'types only'],
    ['core importing Node', 'src/core/planted.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'Node built-ins'],
    ['core reading the clock', 'src/core/planted.ts', 'export const now = Date.now();\n', 'Date'],
    ['io importing cli', 'src/io/planted.ts', "import { main } from '../cli/main.js';\nexport const x = main;\n", 'command line'],
    ['io in a subfolder importing cli', 'src/io/checks/planted.ts', "import { main } from '../../cli/main.js';\nexport const x = main;\n", 'command line'],
    ['a command importing another command', 'src/cli/commands/planted.ts', "import { sweepCommand } from './sweep.js';\nexport const x = sweepCommand;\n", 'each other'],
    ['cli support importing a command', 'src/cli/sweep/planted.ts', "import { projectCommand } from '../commands/project.js';\nexport const x = projectCommand;\n", 'only main.ts'],
  ])('rejects %s', async (_name, filePath, code, words) => {
    const errors = await layerErrors(filePath, code);
    expect(errors.join('\n')).toContain(words);
  });

  it.each([
    ['core importing a schema type', 'src/core/planted.ts', "import type { Scheme } from '../schema/scheme.js';\nexport type X = Scheme;\n"],
    ['io importing core', 'src/io/planted.ts', "import { SEXES } from '../core/rules.js';\nexport const x = SEXES;\n"],
    ['cli importing io and core', 'src/cli/planted.ts', "import { toCsv } from '../io/writeCsv.js';\nimport { SEXES } from '../core/rules.js';\nexport const x = [toCsv, SEXES];\n"],
    ['the command list importing commands', 'src/cli/commands/index.ts', "import { projectCommand } from './project.js';\nexport const x = projectCommand;\n"],
    ['schema files importing each other', 'src/schema/planted.ts', "import { money } from './common.js';\nexport const x = money;\n"],
  ])('allows %s', async (_name, filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  });
});
