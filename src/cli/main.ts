/**
 * `lobby-robot`: the entry for operators and scripts. Each subcommand lives in commands/;
 * this file only routes. `lobby-robot --help` lists them.
 */
import { codeParse } from './commands/code-parse-entry';
import { center, CENTER_USAGE } from './commands/center';
import { configCheck } from './commands/config-check';
import { doctor } from './commands/doctor';
import { start } from './commands/start';
import { ticketRender } from './commands/ticket-render';
import { escposDecode } from './commands/escpos-decode';
import { printerStatus, printerTestPage } from './commands/printer';
import { voiceDetect, voiceSay } from './commands/voice';
import { servicePinHash, SERVICE_PIN_USAGE } from './commands/service-pin';
import { processIo, type Command } from './io';
import { VERSION } from '../controller/version';

interface Entry {
  usage: string;
  summary: string;
  run: Command;
}

const COMMANDS: Record<string, Entry> = {
  start: {
    usage: 'start [--config FILE] [--port N] [--data DIR] [--no-window]',
    summary: 'start the robot (simulator profile unless a config is given)',
    run: start,
  },
  'config check': { usage: 'config check FILE', summary: 'validate a configuration file (exit 78 if invalid)', run: configCheck },
  'code parse': { usage: 'code parse [--key KEY]... [--ticket-base URL] [--now ISO] TEXT', summary: 'detect a scanned code and print its fields as JSON (exit 1 if unknown or invalid)', run: codeParse },
  doctor: { usage: 'doctor [--config FILE]', summary: 'check each configured part; exit 1 on a fault', run: doctor },
  'ticket render': { usage: 'ticket render --lang L --number N --out F.png [--width 576|384]', summary: 'draw a ticket to a PNG as it prints', run: ticketRender },
  'escpos decode': { usage: 'escpos decode IN.bin [--png OUT.png]', summary: 'decode ESC/POS bytes (text dump on stdout, paper as PNG)', run: escposDecode },
  'printer test-page': { usage: 'printer test-page [--config FILE]', summary: 'print a sample ticket on the configured printer', run: printerTestPage },
  'printer status': { usage: 'printer status [--config FILE]', summary: 'ask the configured printer its status (exit 1 on a fault)', run: printerStatus },
  'service pin-hash': { usage: SERVICE_PIN_USAGE, summary: 'print the hash of a service-mode PIN for service.pinHash in the config', run: (a, io) => servicePinHash(a, io) },
  center: { usage: CENTER_USAGE, summary: 'run the reference center backend alone (serves the LAN)', run: center },
  'voice detect': { usage: 'voice detect FILE.wav [--model M] [--threshold T]', summary: 'print each wake word heard in a recording: seconds keyword score', run: voiceDetect },
  'voice say': { usage: 'voice say --lang L (TEXT | --prompt KEY) --out F.wav', summary: 'write what the robot would say as a WAV file', run: voiceSay },
};

export function helpText(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  return [
    'lobby-robot — the lobby robot of a ward Public Administration Service Center',
    '',
    'Usage: lobby-robot <command> [options]    lobby-robot --version    lobby-robot --help',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Environment: LOBBY_ROBOT_CONFIG (config file), LOBBY_ROBOT_PORT, LOBBY_ROBOT_DATA.',
    'Exit codes: 0 ok, 1 fault, 64 usage error, 78 invalid configuration.',
  ].join('\n');
}

export async function runCli(argv: string[], io = processIo): Promise<number> {
  if (argv.length === 0) {
    io.stderr(helpText());
    return 64;
  }
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(helpText());
    return 0;
  }
  if (argv[0] === '--version' || argv[0] === '-V' || argv[0] === 'version') {
    io.stdout(`lobby-robot ${VERSION}`);
    return 0;
  }
  const two = `${argv[0]} ${argv[1] ?? ''}`;
  const [name, rest] = COMMANDS[two] ? [two, argv.slice(2)] : [argv[0]!, argv.slice(1)];
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr(`unknown command "${argv.slice(0, 2).join(' ')}"\n\n${helpText()}`);
    return 64;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`Usage: lobby-robot ${entry.usage}\n  ${entry.summary}`);
    return 0;
  }
  return entry.run(rest, io);
}

/** Runs the command line of this process; `start` resolves -1 and keeps running until a signal. */
export function main(): void {
  runCli(process.argv.slice(2)).then(
    (code) => {
      // `start` keeps running until a signal; every other command ends here
      if (code === -1) return;
      process.exitCode = code;
      // a handle a failed part left open must not keep an ended command alive (issue 16)
      setTimeout(() => process.exit(code), 3000).unref();
    },
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}

// run directly (Electron's utilityProcess forks dist/cli.js) or through bin/lobby-robot.js
if (require.main === module) main();
