/**
 * Look-up links of the National Public Service Portal (dichvucong.gov.vn and its ministry
 * sub-sites such as vpcp.dichvucong.gov.vn), e.g.
 *   https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?maHoSo=000.00.01.H29-240115-0001
 * The parameter's name differs between pages and versions, so every query value, path
 * segment and the fragment are searched; exactly one distinct dossier code must be there.
 */
import type { ParsedCodeOf } from '../../contract';
import { findDossierCodes, type DossierContext } from './dossier-code';
import { failure, success, type CodeResult } from './result';
import { cleanScanText } from './scan-text';

export const PORTAL_HOST = 'dichvucong.gov.vn';

/** The URL when the text is an http(s) link, otherwise undefined. Never throws. */
export function parseHttpUrl(text: string): URL | undefined {
  if (!/^https?:\/\//i.test(text) || /\s/.test(text)) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export function isPortalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === PORTAL_HOST || host.endsWith(`.${PORTAL_HOST}`);
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The decoded places of a URL where a code can sit, in a fixed order. */
export function urlTextParts(url: URL): string[] {
  return [
    ...[...url.searchParams.values()],
    ...url.pathname.split('/').map(safeDecode),
    safeDecode(url.hash.replace(/^#/, '')),
  ].filter((p) => p.length > 0);
}

export function parsePortalLinkUrl(url: URL, ctx: DossierContext): CodeResult<ParsedCodeOf<'portal-link'>> {
  const { codes, found } = findDossierCodes(urlTextParts(url).join('\n'), ctx);
  if (codes.length > 1) return failure('DOSSIER_CODE_AMBIGUOUS', `${codes.length} different dossier codes in the link`);
  const [dossier] = codes;
  if (!dossier) {
    return found > 0
      ? failure('DOSSIER_CODE_INVALID', 'the dossier code in the link is not valid')
      : failure('PORTAL_LINK_WITHOUT_CODE', 'portal link carries no dossier code');
  }
  return success({ format: 'portal-link', host: url.hostname.toLowerCase(), dossier });
}

export function parsePortalLink(raw: string, ctx: DossierContext = {}): CodeResult<ParsedCodeOf<'portal-link'>> {
  const clean = cleanScanText(raw);
  if (!clean.ok) return clean;
  const url = parseHttpUrl(clean.value);
  if (!url || !isPortalHost(url.hostname)) return failure('SCAN_UNKNOWN_FORMAT', 'not a dichvucong.gov.vn link');
  return parsePortalLinkUrl(url, ctx);
}
