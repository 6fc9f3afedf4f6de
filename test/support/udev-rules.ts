/**
 * A strict parser for udev rules files (udev(7), systemd 252). Debian 12's udevadm has no
 * `verify` subcommand (it came in systemd 253) and `udevadm test` only reads the system's own
 * rules folders, so the robot's rules are checked with this: every line is a comma-separated
 * list of KEY[{attr}] OP "value" with a key udev knows, an operator that key accepts, a quoted
 * value, and sane values for MODE/OWNER/GROUP, substitutions and GOTO/LABEL. Anything udev
 * would warn about or ignore is an error here.
 */

export type Op = '==' | '!=' | '=' | '+=' | '-=' | ':=';
export const OPS: Op[] = ['==', '!=', '+=', '-=', ':=', '=']; // two-character ones first

export interface UdevToken {
  key: string;
  attr?: string;
  op: Op;
  value: string;
}

export interface UdevRule {
  line: number;
  tokens: UdevToken[];
}

export interface ParsedRules {
  rules: UdevRule[];
  /** "line N: what is wrong"; empty when the file is valid */
  errors: string[];
}

const MATCH: Op[] = ['==', '!='];
type AttrRule = 'none' | 'required' | 'optional';
interface KeySpec {
  attr: AttrRule;
  ops: Op[];
}

const KEYS: Record<string, KeySpec> = {
  ACTION: { attr: 'none', ops: MATCH },
  DEVPATH: { attr: 'none', ops: MATCH },
  KERNEL: { attr: 'none', ops: MATCH },
  KERNELS: { attr: 'none', ops: MATCH },
  SUBSYSTEM: { attr: 'none', ops: MATCH },
  SUBSYSTEMS: { attr: 'none', ops: MATCH },
  DRIVER: { attr: 'none', ops: MATCH },
  DRIVERS: { attr: 'none', ops: MATCH },
  ATTRS: { attr: 'required', ops: MATCH },
  TAGS: { attr: 'none', ops: MATCH },
  RESULT: { attr: 'none', ops: MATCH },
  CONST: { attr: 'required', ops: MATCH },
  TEST: { attr: 'optional', ops: MATCH },
  PROGRAM: { attr: 'none', ops: [...MATCH, '='] },
  ATTR: { attr: 'required', ops: [...MATCH, '='] },
  SYSCTL: { attr: 'required', ops: [...MATCH, '='] },
  ENV: { attr: 'required', ops: [...MATCH, '=', '+=', ':='] },
  TAG: { attr: 'none', ops: [...MATCH, '=', '+=', '-=', ':='] },
  NAME: { attr: 'none', ops: [...MATCH, '=', ':='] },
  SYMLINK: { attr: 'none', ops: [...MATCH, '=', '+=', '-=', ':='] },
  OWNER: { attr: 'none', ops: ['=', ':='] },
  GROUP: { attr: 'none', ops: ['=', ':='] },
  MODE: { attr: 'none', ops: ['=', ':='] },
  SECLABEL: { attr: 'required', ops: ['=', '+=', ':='] },
  RUN: { attr: 'optional', ops: ['=', '+=', '-=', ':='] },
  IMPORT: { attr: 'required', ops: [...MATCH, '='] },
  OPTIONS: { attr: 'none', ops: ['=', '+=', ':='] },
  LABEL: { attr: 'none', ops: ['='] },
  GOTO: { attr: 'none', ops: ['='] },
};

const ATTR_VALUES: Record<string, RegExp> = {
  IMPORT: /^(program|builtin|file|db|cmdline|parent)$/,
  RUN: /^(program|builtin)$/,
  CONST: /^(arch|virt)$/,
  TEST: /^0?[0-7]{3,4}$/,
  ENV: /^[A-Za-z0-9_*?[\]|]+$/,
};

/** %k %n %p %b %M %m %s{attr} %E{var} %c %c{N} %P %N %r %S %%, and the $name forms. */
const SUBSTITUTION = /%([knpbMmcPNrS%]|[sE]\{[^}]+\}|c\{[0-9]+\+?\})|\$(kernel|number|devpath|id|driver|major|minor|result|parent|name|links|root|sys|devnode|tempnode|\$|attr\{[^}]+\}|env\{[^}]+\}|result\{[0-9]+\+?\})/g;

export function parseUdevRules(text: string): ParsedRules {
  const rules: UdevRule[] = [];
  const errors: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const first = i + 1;
    let line = lines[i]!;
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i]!;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const parsed = parseLine(trimmed);
    if (typeof parsed === 'string') errors.push(`line ${first}: ${parsed}`);
    else rules.push({ line: first, tokens: parsed });
  }
  errors.push(...checkRules(rules));
  return { rules, errors };
}

function parseLine(line: string): UdevToken[] | string {
  const tokens: UdevToken[] = [];
  let pos = 0;
  for (;;) {
    const head = /^\s*([A-Z_]+)(\{([^}]*)\})?\s*/.exec(line.slice(pos));
    if (!head) return `expected a key at "${line.slice(pos, pos + 20)}"`;
    pos += head[0].length;
    const key = head[1]!;
    const op = OPS.find((o) => line.startsWith(o, pos));
    if (!op) return `expected an operator after ${key}`;
    pos += op.length;
    while (line[pos] === ' ' || line[pos] === '\t') pos++;
    if (line[pos] === 'e' && line[pos + 1] === '"') pos++; // e"..." C-escaped string
    if (line[pos] !== '"') return `${key}: value must be in double quotes`;
    let value = '';
    let closed = false;
    for (pos++; pos < line.length; pos++) {
      const c = line[pos]!;
      if (c === '\\' && pos + 1 < line.length) {
        value += line[++pos];
        continue;
      }
      if (c === '"') {
        closed = true;
        pos++;
        break;
      }
      value += c;
    }
    if (!closed) return `${key}: unterminated value`;
    const problem = checkToken(key, head[2] === undefined ? undefined : head[3]!, op, value);
    if (problem) return problem;
    tokens.push({ key, ...(head[2] === undefined ? {} : { attr: head[3]! }), op, value });
    const rest = /^\s*(,?)\s*/.exec(line.slice(pos))!;
    pos += rest[0].length;
    if (pos >= line.length) {
      if (rest[1] === ',') return 'trailing comma';
      return tokens;
    }
    if (rest[1] !== ',') return `missing comma before "${line.slice(pos, pos + 20)}"`;
  }
}

function checkToken(key: string, attr: string | undefined, op: Op, value: string): string | null {
  const spec = KEYS[key];
  if (!spec) return `unknown key ${key}`;
  if (attr === undefined && spec.attr === 'required') return `${key} needs an {attribute}`;
  if (attr !== undefined && spec.attr === 'none') return `${key} takes no {attribute}`;
  if (attr === '') return `${key}{} is empty`;
  if (attr !== undefined && ATTR_VALUES[key] && !ATTR_VALUES[key].test(attr)) return `${key}{${attr}}: unknown attribute`;
  if (!spec.ops.includes(op)) return `${key} does not accept ${op}`;
  if (key === 'MODE' && !/^0?[0-7]{3,4}$/.test(value)) return `MODE "${value}" is not an octal mode`;
  if ((key === 'OWNER' || key === 'GROUP') && !/^([a-z_][a-z0-9_-]{0,31}|[0-9]+)$/.test(value)) return `${key} "${value}" is not a user/group name`;
  if ((key === 'LABEL' || key === 'GOTO') && !/^[A-Za-z0-9_-]+$/.test(value)) return `${key} "${value}" is not a label`;
  if (key === 'SYMLINK' && !MATCH.includes(op) && (value.startsWith('/') || /\s{2,}|\.\./.test(value))) return `SYMLINK "${value}": a relative name under /dev, no ..`;
  if (!MATCH.includes(op)) {
    const leftover = value.replace(SUBSTITUTION, '');
    if (/[%$]/.test(leftover)) return `${key}: unknown substitution in "${value}"`;
  }
  return null;
}

/** Checks across lines: GOTO targets exist and follow, labels are unique, rules do something. */
function checkRules(rules: UdevRule[]): string[] {
  const errors: string[] = [];
  const labels = new Map<string, number>();
  for (const rule of rules) {
    for (const t of rule.tokens.filter((t) => t.key === 'LABEL')) {
      if (labels.has(t.value)) errors.push(`line ${rule.line}: LABEL "${t.value}" defined twice`);
      labels.set(t.value, rule.line);
    }
  }
  for (const rule of rules) {
    for (const t of rule.tokens.filter((t) => t.key === 'GOTO')) {
      const at = labels.get(t.value);
      if (at === undefined) errors.push(`line ${rule.line}: GOTO "${t.value}" has no LABEL`);
      else if (at <= rule.line) errors.push(`line ${rule.line}: GOTO "${t.value}" jumps backwards`);
    }
    const acts = rule.tokens.some((t) => !MATCH.includes(t.op) || t.key === 'LABEL');
    if (!acts) errors.push(`line ${rule.line}: rule only matches and assigns nothing`);
  }
  return errors;
}
