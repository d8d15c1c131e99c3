/** Every sipro command, in the order `sipro --help` lists them. */
import type { CommandFactory } from '../main.js';
import { compareCommand } from './compare.js';
import { initCommand } from './init.js';
import { lifeTableCommand } from './lifeTable.js';
import { mergeCommand } from './merge.js';
import { schemaCommand } from './schema.js';
import { solveCommand } from './solve.js';
import { sensitivityCommand } from './sensitivity.js';
import { simulateCommand } from './simulate.js';
import { projectCommand } from './project.js';
import { reportCommand } from './report.js';
import { subsidyCommand } from './subsidy.js';
import { sweepCommand } from './sweep.js';
import { validateCommand } from './validate.js';

export const allCommands: readonly CommandFactory[] = [initCommand, validateCommand, projectCommand, subsidyCommand, sweepCommand, simulateCommand, mergeCommand, sensitivityCommand, solveCommand, compareCommand, reportCommand, lifeTableCommand, schemaCommand];
