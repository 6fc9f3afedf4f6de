import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shellPageHtml, shellPageUrl } from '../../../src/electron/pages';

const decode = (url: string) => {
  const prefix = 'data:text/html;charset=utf-8;base64,';
  expect(url.startsWith(prefix)).toBe(true);
  return Buffer.from(url.slice(prefix.length), 'base64').toString('utf8');
};

describe("the shell's own pages", () => {
  it('the restarting page says so in Vietnamese and English and names its error code', () => {
    const html = decode(shellPageUrl('restarting'));
    expect(html).toContain('Robot đang khởi động lại');
    expect(html).toContain('The robot is restarting');
    expect(html).toContain('SHELL_CONTROLLER_RESTARTING');
    expect(html).toContain('<html lang="vi">');
  });

  it('the fallback page asks for staff in Vietnamese and English and names its error code', () => {
    const html = decode(shellPageUrl('fallback'));
    expect(html).toContain('Màn hình đang gặp sự cố');
    expect(html).toContain('Please ask the staff at the counter for help.');
    expect(html).toContain('SHELL_RENDERER_CRASH_LOOP');
  });

  it('every page shows all five languages, Vietnamese first', () => {
    for (const page of ['starting', 'restarting', 'fallback'] as const) {
      const html = shellPageHtml(page);
      const order = ['vi', 'en', 'zh', 'ko', 'ja'].map((lang) => html.indexOf(`lang="${lang}"><h`));
      expect(order.every((i) => i > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    }
  });

  it('is static: no script, nothing loaded from elsewhere, and a CSP that allows only inline style', () => {
    for (const page of ['starting', 'restarting', 'fallback'] as const) {
      const html = shellPageHtml(page);
      expect(html).not.toMatch(/<script|src=|href=|url\(/i);
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    }
  });

  it('the shell namespace has the same keys in every language', () => {
    const root = join(__dirname, '../../../locales');
    const keys = (lang: string) => {
      const flatten = (o: object, prefix = ''): string[] =>
        Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
      return flatten(JSON.parse(readFileSync(join(root, lang, 'shell.json'), 'utf8'))).sort();
    };
    const langs = readdirSync(root).filter((l) => ['vi', 'en', 'zh', 'ko', 'ja'].includes(l));
    expect(langs.sort()).toEqual(['en', 'ja', 'ko', 'vi', 'zh']);
    for (const lang of langs) expect(keys(lang)).toEqual(keys('vi'));
  });
});
