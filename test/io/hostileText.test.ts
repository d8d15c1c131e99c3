/**
 * Parsers under attack (issue #13, item 3): each hostile input gets ONE precise
 * message — the encoding named, long values cut, JSON read as JSON with its
 * line, aliases and nesting bounded — and nothing reaches the terminal raw.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadScheme } from '../../src/io/loadScheme.js';
import { binaryProblem } from '../../src/io/read/encoding.js';
import { readScheme } from '../../src/io/readScheme.js';
import { closestName } from '../../src/io/suggest.js';
import { fixture, runSipro } from '../cli/helpers.js';
import { minimalCopies, placed } from '../support/diagnostics.js';

const copyOfMinimal = minimalCopies();
const schemeLines = (text: string, file = 'scheme.yaml') => placed(readScheme(text, file).diagnostics);
const minimalText = (name: string) => readFile(fixture('minimal', name), 'utf8');

/** The minimal scheme with population.csv replaced by `bytes`; what loading it reports. */
async function withPopulation(bytes: Buffer | string): Promise<string[]> {
  const folder = await copyOfMinimal();
  await writeFile(join(folder, 'population.csv'), bytes);
  return placed((await loadScheme(folder)).diagnostics);
}

const SAVE = 'save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")';

describe('encodings and workbooks', () => {
  it('names UTF-16 with a byte-order mark (Excel\'s "Unicode text")', async () => {
    const text = await minimalText('population.csv');
    expect(await withPopulation(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual([
      `population.csv: is encoded as UTF-16 (little-endian), not UTF-8: ${SAVE}`,
    ]);
  });

  it('names UTF-16 without a byte-order mark, from its zero bytes', async () => {
    const text = await minimalText('population.csv');
    expect(await withPopulation(Buffer.from(text, 'utf16le'))).toEqual([`population.csv: is encoded as UTF-16 (little-endian), not UTF-8: ${SAVE}`]);
    expect(await withPopulation(Buffer.from(text, 'utf16le').swap16())).toEqual([`population.csv: is encoded as UTF-16 (big-endian), not UTF-8: ${SAVE}`]);
  });

  it('names a Latin-1 byte with its line, once', async () => {
    const text = (await minimalText('population.csv')).replace('traders,M,45', 'tradérs,M,45').replace('drivers,M,50', 'drivérs,M,50');
    expect(await withPopulation(Buffer.from(text, 'latin1'))).toEqual([
      'population.csv:3: byte 0xE9 is not UTF-8: the file looks saved as Latin-1 or Windows-1252 (where é, for one, is a single byte); save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)")',
    ]);
  });

  it('reads UTF-8 whose characters straddle the 1 MiB chunks the file is read in', async () => {
    const text = await minimalText('population.csv');
    // Three bytes before the é's: every chunk boundary cuts an é in two.
    const comment = `#  ${'é'.repeat(700_000)}\n#  ${'é'.repeat(700_000)}\n`;
    expect(await withPopulation(comment + text)).toEqual([]);
  });

  it.each([
    ['an Excel workbook', Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(26), Buffer.from('[Content_Types].xml')]),
      'is an Excel workbook (.xlsx), not a CSV: open it in Excel and save it as "CSV UTF-8 (Comma delimited)"'],
    ['an OpenDocument spreadsheet', Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(26), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')]),
      'is an OpenDocument spreadsheet (.ods), not a CSV: save it as "Text CSV" with UTF-8 characters'],
    ['an Excel 97-2003 workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'is an Excel 97-2003 workbook (.xls), not a CSV: open it in Excel and save it as "CSV UTF-8 (Comma delimited)"'],
    ['UTF-32', Buffer.from([0xff, 0xfe, 0, 0, 0x67, 0, 0, 0]), `is encoded as UTF-32, not UTF-8: ${SAVE}`],
    ['a binary file', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]), 'holds zero bytes: it is a binary file, not text'],
  ])('recognises %s from its first bytes', async (_, bytes, message) => {
    expect(binaryProblem(bytes)).toBe(message);
    expect(await withPopulation(bytes)).toEqual([`population.csv: ${message}`]);
  });

  it('checks the scheme file the same way', async () => {
    const folder = await copyOfMinimal();
    await writeFile(join(folder, 'scheme.yaml'), Buffer.from(`\uFEFF${await minimalText('scheme.yaml')}`, 'utf16le'));
    expect(placed((await loadScheme(folder)).diagnostics)).toEqual([`scheme.yaml: is encoded as UTF-16 (little-endian), not UTF-8: ${SAVE}`]);
  });
});

describe('long values, control characters, many errors', () => {
  it('reports a 1 MB cell once, cut', async () => {
    const text = (await minimalText('population.csv')).replace('traders,M,45,inactive,40', `traders,M,45,inactive,${'9'.repeat(2 ** 20)}`);
    const found = await withPopulation(text);
    expect(found).toEqual([`population.csv:3: count is 1,048,576 characters long ("${'9'.repeat(59)}…" (1,048,576 characters)): a cell holds at most 256`]);
  });

  it('stops at a line of 10 MB with one message (no CSV line is that long)', async () => {
    const text = (await minimalText('population.csv')).replace('traders,M,45', `${'t'.repeat(10 * 2 ** 20)},M,45`);
    expect(await withPopulation(text)).toEqual(['population.csv:3: the line is longer than 1,048,576 characters: is this a CSV file?']);
  });

  it('finds no "did you mean" for a 10 MB name at once (it compared it letter by letter, and crashed)', () => {
    const started = performance.now();
    expect(closestName('t'.repeat(10 * 2 ** 20), ['traders', 'drivers'])).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(closestName('tradrs', ['traders', 'drivers'])).toBe('traders');
  });

  it('refuses a cell over 256 characters before it reaches the group checks', async () => {
    const text = (await minimalText('population.csv')).replace('traders,M,45', `${'t'.repeat(300)},M,45`);
    expect(await withPopulation(text)).toEqual([`population.csv:3: group is 300 characters long ("${'t'.repeat(59)}…" (300 characters)): a cell holds at most 256`]);
  });

  it('escapes control characters and direction overrides in names and values', async () => {
    const [header, ...rows] = (await minimalText('population.csv')).trimEnd().split('\n');
    const text = [`${header},\u001b[2J\u001b[31mred`, ...rows.map((row) => `${row},`)].join('\n');
    const found = await withPopulation(text);
    for (const line of found) expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/u);
    expect(found).toEqual(['population.csv:1: unknown column "\\u001b[2J\\u001b[31mred": the columns of population.csv are group, sex, age, status, count, credits, earnings, balance, own_balance, foreign_credits, pension_monthly']);
    const group = (await minimalText('population.csv')).replace('traders,M,45', 'trad\u202eers\u009b,M,45');
    expect(await withPopulation(group)).toEqual(['population.csv:3: group "trad\\u202eers\\u009b" is not defined in the scheme (groups: traders, drivers); did you mean "traders"?']);
  });

  it('escapes the scheme\'s name in validate\'s confirmation (a terminal title sequence, say)', async () => {
    const folder = await copyOfMinimal();
    const text = await minimalText('scheme.yaml');
    await writeFile(join(folder, 'scheme.yaml'), text.replace('name: Minimal test scheme', 'name: "Minimal\\e]0;pwned\\a"'));
    const run = await runSipro(['validate', folder]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('is valid: "Minimal\\u001b]0;pwned\\u0007", 2 groups');
  });

  it('escapes the scheme\'s name and currency in every terminal report (project, subsidy, simulate, sensitivity)', async () => {
    const folder = await copyOfMinimal();
    const text = await minimalText('scheme.yaml');
    await writeFile(join(folder, 'scheme.yaml'), text
      .replace('name: Minimal test scheme', 'name: "Minimal\\e[2J\\e]0;pwned\\a"')
      .replace('currency: XOF', 'currency: "X\\e[31mOF"'));
    const out = (name: string) => ['--out', join(folder, `out-${name}`)];
    for (const command of [['project', '--no-entrants', ...out('project')], ['subsidy'], ['simulate', '--scenarios', '2', ...out('simulate')], ['sensitivity', ...out('sensitivity')]]) {
      const run = await runSipro([...command, folder]);
      expect(run.code, `${command[0]}: ${run.stderr}`).toBe(0);
      // Not a TTY: no colour, so any ESC would have come from the scheme's text.
      expect(run.stdout.includes('\u001b'), `${command[0]} printed a raw ESC`).toBe(false);
      expect(run.stdout).toContain('Minimal\\u001b[2J\\u001b]0;pwned\\u0007');
    }
    const project = await runSipro(['project', '--no-entrants', folder, '--out', join(folder, 'out-currency'), '--force']);
    expect(project.stdout).toContain('X\\u001b[31mOF');
  });

  it('lists the first 100 errors of a file, then counts the rest', async () => {
    const header = 'group,sex,age,status,count,credits,earnings,balance,own_balance,pension_monthly\n';
    const found = await withPopulation(header + 'traders,F,30,active,-1,0,0,0,0,\n'.repeat(1000));
    expect(found).toHaveLength(101);
    expect(found[0]).toBe('population.csv:2: count "-1" must be a number >= 0');
    expect(found[99]).toBe('population.csv:101: count "-1" must be a number >= 0');
    expect(found[100]).toBe('population.csv: … and 900 more errors in population.csv');
  });

  it('counts every error, listed or not: 1,000 in validate --json and in the count line, not the 101 lines shown', async () => {
    const folder = await copyOfMinimal();
    const header = 'group,sex,age,status,count,credits,earnings,balance,own_balance,pension_monthly\n';
    await writeFile(join(folder, 'population.csv'), header + 'traders,F,30,active,-1,0,0,0,0,\n'.repeat(1000));
    const json = await runSipro(['validate', folder, '--json']);
    expect(json.code).toBe(3);
    const report = JSON.parse(json.stdout) as { errors: number; diagnostics: { unlisted?: number }[] };
    expect(report.errors).toBe(1000);
    expect(report.diagnostics).toHaveLength(101);
    expect(report.diagnostics[100]!.unlisted).toBe(900);
    const text = await runSipro(['validate', folder]);
    expect(text.stderr).toContain(`1000 errors, 0 warnings in ${folder}`);
  });
});

describe('scheme.json is JSON', () => {
  const minimalJson = async () => JSON.stringify(parseYaml(await minimalText('scheme.yaml')), null, 2);

  it('refuses a trailing comma, on the comma\'s line (YAML would have taken it)', async () => {
    const withComma = (await minimalJson()).replace(/("max_age": 110)/, '$1,');
    expect(schemeLines(withComma, 'scheme.json')).toEqual(['scheme.json:8: cannot read the JSON: a trailing comma before "}" is not allowed: remove it']);
  });

  it('gives JSON.parse\'s finding with its line and column, without echoing the file', async () => {
    const broken = (await minimalJson()).replace('"currency": "XOF"', '"currency" "XOF"');
    expect(schemeLines(broken, 'scheme.json')).toEqual(['scheme.json:3: cannot read the JSON: unexpected string (column 14)']);
  });

  it('still reports a key given twice (JSON.parse keeps the last one silently)', () => {
    expect(schemeLines('{\n"name": "a",\n"name": "b"\n}', 'scheme.json')).toEqual(['scheme.json:3: key "name" appears twice in the same map: keep one']);
  });

  it('reads JSON indented with tabs, which YAML would refuse', async () => {
    const tabbed = JSON.stringify(parseYaml(await minimalText('scheme.yaml')), null, '\t');
    expect(schemeLines(tabbed, 'scheme.json')).toEqual([]);
  });
});

describe('nesting and aliases', () => {
  it.each([
    ['YAML', 'scheme.yaml', `name: x\nnote: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`, 2],
    ['JSON', 'scheme.json', `{"name":\n${'['.repeat(200_000)}${']'.repeat(200_000)}}`, 2],
  ])('refuses 200,000 nested brackets in %s with one message, not a stack overflow', (language, file, text, line) => {
    expect(schemeLines(text, file)).toEqual([
      `${file}:${line}: cannot read the ${language}: it nests [ and { more than 64 levels deep here (a scheme needs a handful): is this the right file?`,
    ]);
  });

  it('does not count brackets inside quotes or comments', async () => {
    const text = (await minimalText('scheme.yaml')).replace('currency: XOF', `currency: "${'['.repeat(100)}" # ${'{'.repeat(100)}`);
    expect(schemeLines(text)).toEqual([]);
  });

  it('refuses an alias bomb with one message (it exited 1 with a ReferenceError)', async () => {
    const bomb = ['lol: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
      ...Array.from({ length: 8 }, (_, level) => `l${level}: &${String.fromCharCode(98 + level)} [${Array(9).fill(`*${String.fromCharCode(97 + level)}`).join(', ')}]`)];
    const text = `${await minimalText('scheme.yaml')}${bomb.join('\n')}\n`;
    expect(schemeLines(text)).toEqual(['scheme.yaml: cannot read the YAML: its aliases (*name) expand to more than 1,000 copies of their anchors (&name): write the repeated values out, or alias less']);
  });

  it('still reads aliases used as a scheme would', async () => {
    const text = (await minimalText('scheme.yaml')).replace('rule: percent', 'rule: &rule percent').replace(/^name: .*$/m, '$&\n# aliases\n');
    expect(schemeLines(`${text}`)).toEqual([]);
    expect(schemeLines(`anchor: &a 1\n${text.replace('currency: XOF', 'currency: XOF')}`)[0]).toMatch(/unknown field "anchor"/);
  });

  it('cuts a long value it quotes', async () => {
    const text = (await minimalText('scheme.yaml')).replace('rate: 0.1', `rate: "${'x'.repeat(2 ** 19)}"`);
    expect(schemeLines(text)).toEqual([`scheme.yaml:12: contributions.rate "${'x'.repeat(59)}…" (524,288 characters) must be a number`]);
  });
});
