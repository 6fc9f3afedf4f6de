/**
 * docs/troubleshooting/ has a section for every error code the software has — read from
 * ERROR_CODES at run time, so a code added anywhere fails here until it is documented — exactly
 * one, and no section for a code that no longer exists. One file per area keeps additions from
 * parallel work in separate files; the folder's README lists every file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '../../../src/contract/error-codes';

const DIR = join(__dirname, '../../../docs/troubleshooting');
const areaFiles = readdirSync(DIR).filter((f) => f.endsWith('.md') && f !== 'README.md');

/** `### CODE` headings and the text up to the next heading. */
function codeSections(markdown: string): Array<[string, string]> {
  const sections: Array<[string, string]> = [];
  const parts = markdown.split(/^(?=#{1,6} )/m);
  for (const part of parts) {
    const heading = /^### ([A-Z][A-Z0-9_]*)\s*\n/.exec(part);
    if (heading) sections.push([heading[1]!, part.slice(heading[0].length)]);
  }
  return sections;
}

const found = areaFiles.flatMap((file) => codeSections(readFileSync(join(DIR, file), 'utf8')).map(([code, body]) => ({ file, code, body })));
const sections = new Map(found.map((s) => [s.code, s.body]));

describe('docs/troubleshooting/', () => {
  it.each([...ERROR_CODES])('%s has a section with what is seen, the cause and the fix', (code) => {
    const body = sections.get(code);
    expect({ code, documented: body !== undefined }).toEqual({ code, documented: true });
    for (const label of ['Seen as', 'Cause', 'Fix']) {
      const line = new RegExp(`\\*\\*${label}:\\*\\*\\s*(\\S.{10,})`).exec(body!);
      expect({ code, label, present: line !== null }).toEqual({ code, label, present: true });
    }
  });

  it('documents each code once (two sections for a code means a merge kept both)', () => {
    const twice = found.filter((s, i) => found.findIndex((t) => t.code === s.code) !== i).map((s) => `${s.code} (${s.file})`);
    expect(twice).toEqual([]);
  });

  it('documents no code that does not exist (a renamed or removed code leaves no stale section)', () => {
    const known = new Set<string>(ERROR_CODES);
    expect(found.filter((s) => !known.has(s.code)).map((s) => `${s.code} (${s.file})`)).toEqual([]);
  });

  it('the README lists every area file, and each starts with its title', () => {
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
    expect(areaFiles.length).toBeGreaterThanOrEqual(8);
    for (const file of areaFiles) {
      expect({ file, listed: readme.includes(`](${file})`) }).toEqual({ file, listed: true });
      expect(readFileSync(join(DIR, file), 'utf8')).toMatch(/^# Troubleshooting: \S/);
    }
  });

  it('the section reader finds a section only under a ### CODE heading', () => {
    const read = codeSections('# T\n### PRINTER_PAPER_OUT\n**Cause:** x\n## Printer\n### not_a_code\ntext\n');
    expect(read).toEqual([['PRINTER_PAPER_OUT', '**Cause:** x\n']]);
  });
});
