/**
 * `sipro schema`: the JSON Schema of scheme.yaml, generated from the zod
 * schema that validates it, so editors can complete and check scheme files
 * and the two never drift apart.
 */
import { Command } from '@commander-js/extra-typings';
import { z } from 'zod';
import { schemeSchema } from '../../schema/scheme.js';
import { ExitCode } from '../errors.js';
import type { CommandContext } from '../main.js';

/**
 * The input side (`io: 'input'`): fields with defaults are optional, as in a
 * scheme file. Cross-field rules (retirement age within the age range, health
 * bands, class order) cannot be expressed in JSON Schema: `sipro validate`
 * checks those.
 */
export function schemeJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(schemeSchema, { io: 'input' }),
    title: 'sipro scheme file (scheme.yaml)',
    description: 'Rules and assumptions of a social insurance scheme for self-employed workers (sipro MODEL.md §2).',
  };
}

export function schemaCommand(context: CommandContext) {
  const { io } = context;
  return new Command('schema')
    .description('print the JSON Schema of scheme.yaml (for editors and other tools)')
    .addHelpText('after', '\nExample:\n  $ sipro schema > scheme.schema.json\n')
    .action(() => {
      io.stdout.write(`${JSON.stringify(schemeJsonSchema(), null, 2)}\n`);
      context.exit(ExitCode.success);
    });
}
