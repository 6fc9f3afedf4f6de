/**
 * Options of `lobby-robot center` for a city deployment (issue 19): the center's own catalog
 * (its services, counters and numbering: the fallback slots bound how many robots can enrol),
 * and the balancers trusted to name the client (so rate limits count citizens, not the balancer).
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { Catalog } from '../../contract/catalog';
import { CodedError } from '../../contract/error-codes';
import { UsageError } from '../args';

const MAX_CATALOG_BYTES = 4 * 1024 * 1024;
const MAX_PROXIES = 16;

/** A catalog JSON file, validated; a bad one stops the center naming the file and the fields. */
export function readCenterCatalog(file: string): Catalog {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CodedError('STARTUP_CENTER_CATALOG_INVALID', `cannot read it: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (text.length > MAX_CATALOG_BYTES) throw new CodedError('STARTUP_CENTER_CATALOG_INVALID', `larger than ${MAX_CATALOG_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CodedError('STARTUP_CENTER_CATALOG_INVALID', `not JSON: ${(e as Error).message}`);
  }
  const parsed = Catalog.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new CodedError('STARTUP_CENTER_CATALOG_INVALID', issues.join('; '));
  }
  return parsed.data;
}

/** `10.0.0.2,127.0.0.1` or CIDRs (`10.0.0.0/24`): the addresses X-Forwarded-For is taken from. */
export function parseTrustProxy(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const entries = value.split(',').map((s) => s.trim()).filter(Boolean);
  const valid = (e: string) => {
    const [ip, bits, extra] = e.split('/');
    const family = isIP(ip ?? '');
    if (!family || extra !== undefined) return false;
    return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  };
  if (!entries.length || entries.length > MAX_PROXIES || value.length > 1000 || !entries.every(valid)) {
    throw new UsageError(`--trust-proxy: expected up to ${MAX_PROXIES} comma-separated IP addresses or CIDR ranges of the balancers`);
  }
  return entries.join(',');
}
