/** The tool version recorded in every run record (§9); kept in step with package.json by a test. */
export const VERSION = '0.1.0';
