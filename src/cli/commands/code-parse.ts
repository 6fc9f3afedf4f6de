/**
 * `lobby-robot code parse [options] TEXT` — for technicians and tests: prints what the robot
 * makes of a scanned code, as one JSON line on stdout. Exit 0 when recognised and valid,
 * 1 when unknown or invalid (the JSON then carries the error code), 2 on a usage error.
 *
 *   --key KEY          center public key (base64 raw Ed25519 or PEM); repeatable.
 *                      Default: LOBBY_ROBOT_CENTER_KEYS (comma-separated) or the config's keys.
 *   --ticket-base URL  base URL of the ticket-status page (default LOBBY_ROBOT_TICKET_BASE_URL)
 *   --now ISO          judge expiry at this instant instead of now
 */
import { detectCode, type VerifySignature } from '../../core/codes';
import { createEd25519Verifier } from '../../controller/codes/ed25519';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
}

/** What the dispatcher may pass from the loaded config; command-line options win. */
export interface CodeParseDefaults {
  centerPublicKeys?: readonly string[];
  ticketBaseUrl?: string;
  now?: () => Date;
}

const USAGE = 'usage: lobby-robot code parse [--key KEY]... [--ticket-base URL] [--now ISO] TEXT\n';

interface Options {
  keys: string[];
  ticketBaseUrl?: string;
  now?: Date;
  text?: string;
}

function parseArgs(args: string[]): Options | string {
  const o: Options = { keys: [] };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--') {
        positional.push(...args.slice(i + 1));
        break;
      } else if (a === '--key') o.keys.push(value());
      else if (a === '--ticket-base') o.ticketBaseUrl = value();
      else if (a === '--now') {
        const when = new Date(value());
        if (Number.isNaN(when.getTime())) return '--now needs an ISO date-time';
        o.now = when;
      } else if (a.startsWith('--')) return `unknown option ${a}`;
      else positional.push(a);
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (positional.length !== 1) return 'give exactly one TEXT (quote it)';
  o.text = positional[0];
  return o;
}

/** sysexits.h EX_USAGE, as for every command (README: 64 usage error). */
const EXIT_USAGE = 64;

export async function runCodeParse(args: string[], io: CliIo, defaults: CodeParseDefaults = {}): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr.write(`code parse: ${parsed}\n${USAGE}`);
    return EXIT_USAGE;
  }
  const envKeys = (io.env.LOBBY_ROBOT_CENTER_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  const keys = parsed.keys.length ? parsed.keys : envKeys.length ? envKeys : [...(defaults.centerPublicKeys ?? [])];
  let verify: VerifySignature;
  try {
    verify = createEd25519Verifier(keys);
  } catch (e) {
    io.stderr.write(`code parse: bad center key: ${(e as Error).message}\n`);
    return EXIT_USAGE;
  }
  const ticketBaseUrl = parsed.ticketBaseUrl ?? io.env.LOBBY_ROBOT_TICKET_BASE_URL ?? defaults.ticketBaseUrl;
  const now = parsed.now ?? defaults.now?.() ?? new Date();

  const r = detectCode(parsed.text ?? '', { now, verify, ...(ticketBaseUrl ? { ticketBaseUrl } : {}) });
  if (r.ok) {
    const { format, ...fields } = r.value;
    io.stdout.write(`${JSON.stringify({ ok: true, format, fields })}\n`);
    return 0;
  }
  io.stdout.write(`${JSON.stringify({ ok: false, code: r.code, detail: r.detail })}\n`);
  if (keys.length === 0 && /SIGNATURE_INVALID$/.test(r.code)) {
    io.stderr.write('code parse: no center public key given (--key or LOBBY_ROBOT_CENTER_KEYS), signed codes cannot be verified\n');
  }
  return 1;
}
