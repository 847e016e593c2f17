// Reads `sse-lens replay` arguments, explaining each mistake in a sentence (a usage error,
// exit 2). Hand-written rather than util.parseArgs, whose messages for `--speed -1` and the
// like name internals instead of what to type. The usage text is the catalog's `usage`.
import type { Locale } from '../i18n/locales';
import { cliMessage, cliText, lookupLocale, type CliMessage } from './cli-text';

/** A mistake on the command line (exit 2): `problem` to word in the user's language. */
export class UsageError extends Error {
  constructor(readonly problem: CliMessage) {
    super(cliText(problem));
  }
}

export interface ReplayArgs {
  path: string;
  port: number;
  speed: number;
  loop: boolean;
}

export function parseReplayArgs(argv: readonly string[]): ReplayArgs | 'help' | 'version' {
  const positionals: string[] = [];
  let port = '0';
  let speed = '1';
  let loop = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [option, inline] = arg.startsWith('--') ? splitOption(arg) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) {
        const example = option === '--lang' ? 'ru' : '2';
        throw new UsageError(cliMessage('usage.needsValue', { option, example }));
      }
      return v;
    };
    if (option === '-h' || option === '--help') return 'help';
    else if (option === '-v' || option === '--version') return 'version';
    else if (option === '--port') port = value();
    else if (option === '--speed') speed = value();
    else if (option === '--loop') loop = true;
    else if (option === '--lang') readLang(value());
    else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(cliMessage('usage.unknownOption', { option: arg }));
    } else positionals.push(arg);
  }
  const [command, path, ...rest] = positionals;
  if (command === undefined) throw new UsageError(cliMessage('usage.noCommand'));
  if (command !== 'replay') throw new UsageError(cliMessage('usage.unknownCommand', { command }));
  if (path === undefined) throw new UsageError(cliMessage('usage.needsFile'));
  if (rest.length > 0) {
    throw new UsageError(cliMessage('usage.oneFile', { count: positionals.length - 1 }));
  }
  return { path, port: readPort(port), speed: readSpeed(speed), loop };
}

/**
 * The language a valid --lang asks for, read before anything else so that even the errors
 * about the rest of the command line are in it; null when there is none (or it is invalid,
 * which parseReplayArgs then reports).
 */
export function langArgument(argv: readonly string[]): Locale | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--lang') return lookupLocale(argv[i + 1] ?? '');
    if (arg.startsWith('--lang=')) return lookupLocale(arg.slice('--lang='.length));
  }
  return null;
}

function readLang(text: string): void {
  if (lookupLocale(text) === null) throw new UsageError(cliMessage('usage.badLang', { text }));
}

function splitOption(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

function readPort(text: string): number {
  const port = Number(text);
  if (text.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(cliMessage('usage.badPort', { text }));
  }
  return port;
}

function readSpeed(text: string): number {
  const speed = Number(text);
  if (text.trim() === '' || !Number.isFinite(speed) || speed <= 0) {
    const key = Number(text) < 0 ? 'usage.backwardSpeed' : 'usage.badSpeed';
    throw new UsageError(cliMessage(key, { text }));
  }
  return speed;
}
