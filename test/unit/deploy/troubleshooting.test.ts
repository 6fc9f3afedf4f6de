/**
 * docs/troubleshooting.md has a section for every error code the software has — read from
 * ERROR_CODES at run time, so a code added anywhere fails here until it is documented — and no
 * section for a code that no longer exists.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '../../../src/contract/error-codes';

const DOC = join(__dirname, '../../../docs/troubleshooting.md');

/** `### CODE` headings and the text up to the next heading. */
function codeSections(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = markdown.split(/^(?=#{1,6} )/m);
  for (const part of parts) {
    const heading = /^### ([A-Z][A-Z0-9_]*)\s*\n/.exec(part);
    if (heading) sections.set(heading[1]!, part.slice(heading[0].length));
  }
  return sections;
}

const sections = codeSections(readFileSync(DOC, 'utf8'));

describe('docs/troubleshooting.md', () => {
  it.each([...ERROR_CODES])('%s has a section with what is seen, the cause and the fix', (code) => {
    const body = sections.get(code);
    expect({ code, documented: body !== undefined }).toEqual({ code, documented: true });
    for (const label of ['Seen as', 'Cause', 'Fix']) {
      const line = new RegExp(`\\*\\*${label}:\\*\\*\\s*(\\S.{10,})`).exec(body!);
      expect({ code, label, present: line !== null }).toEqual({ code, label, present: true });
    }
  });

  it('documents no code that does not exist (a renamed or removed code leaves no stale section)', () => {
    const known = new Set<string>(ERROR_CODES);
    expect([...sections.keys()].filter((c) => !known.has(c))).toEqual([]);
  });

  it('the section reader finds a section only under a ### CODE heading', () => {
    const found = codeSections('# T\n### PRINTER_PAPER_OUT\n**Cause:** x\n## Printer\n### not_a_code\ntext\n');
    expect([...found.keys()]).toEqual(['PRINTER_PAPER_OUT']);
    expect(found.get('PRINTER_PAPER_OUT')).toBe('**Cause:** x\n');
  });
});
