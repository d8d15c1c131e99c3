/**
 * `sipro schema`: the JSON Schema of scheme.yaml, generated from the zod
 * schema that validates it, so editors can complete and check scheme files
 * and the two never drift apart.
 */
import { Command } from '@commander-js/extra-typings';
import { z } from 'zod';
import { schemeSchema } from '../../schema/scheme.js';
import { ExitCode } from '../errors.js';
import { fieldReference } from '../fieldReference.js';
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
    description: 'Rules and assumptions of a social insurance scheme for self-employed workers; every field with its unit and meaning (sipro schema --reference prints them as a table).',
  };
}

export function schemaCommand(context: CommandContext) {
  const { io } = context;
  return new Command('schema')
    .description('print the JSON Schema of scheme.yaml (for editors and other tools), or the field reference')
    .option('--reference', 'print the field reference instead: every scheme.yaml field and CSV column with its unit, default, range and meaning (Markdown)', false)
    .addHelpText('after', '\nExamples:\n  $ sipro schema > scheme.schema.json\n  $ sipro schema --reference > reference.md\n')
    .action((options) => {
      io.stdout.write(options.reference ? fieldReference() : `${JSON.stringify(schemeJsonSchema(), null, 2)}\n`);
      context.exit(ExitCode.success);
    });
}
