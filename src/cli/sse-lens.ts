// The `sse-lens` command line: `sse-lens replay <capture> [--port N] [--speed X] [--loop]`
// serves a capture (SSE Lens JSON, a HAR or a .sse file) as a mock SSE server on 127.0.0.1;
// `--help` and `--version` print to stdout. Errors go to stderr.
// Exit codes: 0 when stopped with Ctrl-C (SIGINT) or SIGTERM, 1 when it cannot run (file,
// port), 2 for a usage error. Every error is a plain sentence, in the language --lang or the
// environment (LC_ALL, LC_MESSAGES, LANG) asks for; numbers are formatted for it too.
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { importText, tooLarge } from '../export/import-file';
import { ImportError } from '../export/json-read';
import { IMPORT_LIMITS } from '../export/limits';
import type { Locale } from '../i18n/locales';
import {
  cliMessage,
  cliText,
  environmentLocale,
  formatDecimal,
  type CliKey,
  type CliMessage,
  type CliParams,
} from './cli-text';
import { langArgument, parseReplayArgs, UsageError } from './replay-args';
import { startReplay } from './replay-server';
import { VERSION } from '../version';

/** A failure the user can act on (exit 1), worded when printed. */
class Failure extends Error {
  constructor(readonly problem: CliMessage) {
    super(cliText(problem));
  }
}

const fail = (key: CliKey, params?: CliParams): Failure => new Failure(cliMessage(key, params));

/** How long closing may take after Ctrl-C before the process exits anyway. */
const CLOSE_TIMEOUT_MS = 2_000;

async function main(argv: string[], locale: Locale): Promise<void> {
  const say = (key: CliKey, params?: CliParams): string => cliText(cliMessage(key, params), locale);
  const args = parseReplayArgs(argv);
  if (args === 'help') {
    process.stdout.write(say('usage'));
    return;
  }
  if (args === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  const { path, port, speed, loop } = args;
  const name = basename(path);
  const text = await readCapture(path);
  let file;
  try {
    file = importText(name, text, Date.now()).file;
  } catch (e) {
    if (e instanceof ImportError) throw fail('fail.cannotReplay', { name, reason: e.problem });
    throw e;
  }
  if (file.connections.length === 0) throw fail('fail.noConnections', { name });
  const replay = await startReplay(file, { port, speed, loop, locale }).catch((e: unknown) => {
    throw listenFailure(e, port);
  });
  stopOnSignals(() => replay.close(), say('stopping'));
  const lines = [
    say('start.title', {
      name,
      connections: say('count.connections', { count: file.connections.length }),
      speed: formatDecimal(locale, speed),
      loop: say(loop ? 'start.loopOn' : 'start.loopOff'),
    }),
    ...replay.endpoints.flatMap((e) => [
      `  ${e.method === undefined ? '' : `${e.method} `}${e.url}`,
      `      ${say('start.was', {
        original: e.original,
        frames: say('count.frames', { count: e.frames }),
        attempts: say('count.attempts', { count: e.attempts }),
      })}`,
    ]),
  ];
  if (replay.notes.length > 0) {
    lines.push(say('start.notes'), ...replay.notes.map((n) => `  - ${n}`));
  }
  lines.push(say('start.index', { url: `${replay.origin}/` }));
  console.log(lines.join('\n'));
}

async function readCapture(path: string): Promise<string> {
  const name = basename(path);
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw fail('fail.directory', { path });
    }
    if (info.size > IMPORT_LIMITS.maxFileBytes) {
      throw fail('fail.cannotReplay', { name, reason: tooLarge(info.size).problem });
    }
    const text = await readFile(path, 'utf8');
    if (text.trim() === '') throw fail('fail.empty', { name });
    return text;
  } catch (e) {
    if (e instanceof Failure) throw e;
    const code = errorCode(e);
    if (code === 'ENOENT') throw fail('fail.noFile', { path: resolve(path) });
    if (code === 'EACCES' || code === 'EPERM') {
      throw fail('fail.permission', { path: resolve(path) });
    }
    throw e;
  }
}

function listenFailure(e: unknown, port: number): Error {
  const code = errorCode(e);
  if (code === 'EADDRINUSE') return fail('fail.portInUse', { port: String(port) });
  if (code === 'EACCES') return fail('fail.portDenied', { port: String(port) });
  return e instanceof Error ? e : new Error(String(e));
}

/** Ctrl-C or SIGTERM closes the server and exits 0; a second one exits at once. */
function stopOnSignals(close: () => Promise<void>, notice: string): void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) process.exit(0);
    stopping = true;
    process.stderr.write(`sse-lens: ${notice}\n`);
    setTimeout(() => process.exit(0), CLOSE_TIMEOUT_MS).unref();
    void close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string'
    ? e.code
    : undefined;
}

const argv = process.argv.slice(2);
const locale = langArgument(argv) ?? environmentLocale(process.env);
main(argv, locale).catch((error: unknown) => {
  const say = (message: CliMessage): string => cliText(message, locale);
  if (error instanceof UsageError) {
    process.stderr.write(`sse-lens: ${say(error.problem)}\n\n${say(cliMessage('usage'))}`);
    process.exit(2);
  }
  const message =
    error instanceof Failure
      ? say(error.problem)
      : say(
          cliMessage('fail.unexpected', {
            error: error instanceof Error ? error.message : String(error),
          }),
        );
  process.stderr.write(`sse-lens: ${message}\n`);
  process.exit(1);
});
