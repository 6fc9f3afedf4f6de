/** Structured log lines (pino's shape) on stderr; the shell never logs the token or page content. */
export interface ShellLog {
  info(fields: Record<string, unknown>, msg: string): void;
  warn(fields: Record<string, unknown>, msg: string): void;
  error(fields: Record<string, unknown>, msg: string): void;
}

const LEVELS = { info: 30, warn: 40, error: 50 } as const;

export function stderrLog(write: (line: string) => void = (l) => process.stderr.write(l)): ShellLog {
  const at = (level: keyof typeof LEVELS) => (fields: Record<string, unknown>, msg: string) =>
    write(`${JSON.stringify({ level: LEVELS[level], time: Date.now(), name: 'electron-shell', ...fields, msg })}\n`);
  return { info: at('info'), warn: at('warn'), error: at('error') };
}
