/**
 * Fonts for tickets. DejaVu Sans (shipped in assets/fonts) draws Latin and every Vietnamese
 * diacritic; WenQuanYi Micro Hei (system package fonts-wqy-microhei) draws Chinese, Korean and
 * Japanese. Canvas falls back glyph by glyph along FONT_STACK, so mixed lines just work.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import { projectRoot } from '../../../project-files';

export const FONT_STACK = '"DejaVu Sans", "WenQuanYi Micro Hei"';

const SYSTEM_CJK = ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc'];

export function assetsDir(): string {
  return join(projectRoot(), 'assets');
}

let registered: string[] | undefined;

/** Registers the fonts once per process; returns the families found (a missing CJK font is an error). */
export function registerTicketFonts(): string[] {
  if (registered) return registered;
  const fontDir = join(assetsDir(), 'fonts');
  for (const f of readdirSync(fontDir).filter((n) => /\.(ttf|ttc|otf)$/i.test(n)).sort()) GlobalFonts.registerFromPath(join(fontDir, f));
  const families = () => GlobalFonts.families.map((f) => f.family);
  if (!families().includes('WenQuanYi Micro Hei')) {
    const cjk = SYSTEM_CJK.find((p) => existsSync(p));
    if (!cjk) throw new Error('no CJK font: install the package fonts-wqy-microhei (Chinese, Korean and Japanese tickets need it)');
    GlobalFonts.registerFromPath(cjk);
  }
  registered = families();
  return registered;
}
