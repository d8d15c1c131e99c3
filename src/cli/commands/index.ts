/** Every sipro command, in the order `sipro --help` lists them. */
import type { CommandFactory } from '../main.js';

export const allCommands: readonly CommandFactory[] = [];
