/** Every sipro command, in the order `sipro --help` lists them. */
import type { CommandFactory } from '../main.js';
import { initCommand } from './init.js';
import { lifeTableCommand } from './lifeTable.js';
import { schemaCommand } from './schema.js';
import { projectCommand } from './project.js';
import { validateCommand } from './validate.js';

export const allCommands: readonly CommandFactory[] = [initCommand, validateCommand, projectCommand, lifeTableCommand, schemaCommand];
