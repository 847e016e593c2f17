// The `sse-lens` command line: `sse-lens replay <capture> [--port N] [--speed X] [--loop]`
// serves a capture (SSE Lens JSON, a HAR or a .sse file) as a mock SSE server on 127.0.0.1;
// `--help` and `--version` print to stdout. Errors go to stderr.
// Exit codes: 0 when stopped with Ctrl-C (SIGINT) or SIGTERM, 1 when it cannot run (file,
// port), 2 for a usage error. Every error is a plain sentence.
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { importText, tooLarge } from '../export/import-file';
import { ImportError } from '../export/json-read';
import { IMPORT_LIMITS } from '../export/limits';
import { parseReplayArgs, UsageError, USAGE } from './replay-args';
import { plural } from './replay-notes';
import { startReplay } from './replay-server';
import { VERSION } from '../version';

/** A failure the user can act on, already worded for them (exit 1). */
class Failure extends Error {}

/** How long closing may take after Ctrl-C before the process exits anyway. */
const CLOSE_TIMEOUT_MS = 2_000;

async function main(argv: string[]): Promise<void> {
  const args = parseReplayArgs(argv);
  if (args === 'help') {
    process.stdout.write(USAGE);
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
    if (e instanceof ImportError) throw new Failure(`cannot replay ${name}: ${e.message}`);
    throw e;
  }
  if (file.connections.length === 0) throw new Failure(`${name} holds no connections to replay`);
  const replay = await startReplay(file, { port, speed, loop }).catch((e: unknown) => {
    throw listenFailure(e, port);
  });
  stopOnSignals(() => replay.close());
  const lines = [
    `SSE Lens replay of ${name}: ${plural(file.connections.length, 'connection')}, ` +
      `speed ${speed}x, loop ${loop ? 'on' : 'off'}`,
    ...replay.endpoints.flatMap((e) => [
      `  ${e.method === undefined ? '' : `${e.method} `}${e.url}`,
      `      was ${e.original} (${plural(e.frames, 'frame')}, ${plural(e.attempts, 'attempt')})`,
    ]),
  ];
  if (replay.notes.length > 0) {
    lines.push('Not reproduced exactly:', ...replay.notes.map((n) => `  - ${n}`));
  }
  lines.push(`Index: ${replay.origin}/  Stop with Ctrl-C.`);
  console.log(lines.join('\n'));
}

async function readCapture(path: string): Promise<string> {
  const name = basename(path);
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new Failure(`${path} is a directory; give a capture file (.json, .har or .sse)`);
    }
    if (info.size > IMPORT_LIMITS.maxFileBytes) {
      throw new Failure(`cannot replay ${name}: ${tooLarge(info.size).message}`);
    }
    const text = await readFile(path, 'utf8');
    if (text.trim() === '') throw new Failure(`${name} is empty: there is nothing to replay`);
    return text;
  } catch (e) {
    if (e instanceof Failure) throw e;
    const code = errorCode(e);
    if (code === 'ENOENT') throw new Failure(`there is no file ${resolve(path)}`);
    if (code === 'EACCES' || code === 'EPERM') {
      throw new Failure(`cannot read ${resolve(path)}: permission denied`);
    }
    throw e;
  }
}

function listenFailure(e: unknown, port: number): Error {
  const code = errorCode(e);
  if (code === 'EADDRINUSE') {
    return new Failure(
      `port ${port} on 127.0.0.1 is already in use by another program; choose another ` +
        'with --port, or leave it out to use any free port',
    );
  }
  if (code === 'EACCES') {
    return new Failure(
      `not allowed to listen on port ${port} (ports below 1024 need administrator rights); ` +
        'choose another with --port',
    );
  }
  return e instanceof Error ? e : new Error(String(e));
}

/** Ctrl-C or SIGTERM closes the server and exits 0; a second one exits at once. */
function stopOnSignals(close: () => Promise<void>): void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) process.exit(0);
    stopping = true;
    process.stderr.write('sse-lens: stopping the replay\n');
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

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`sse-lens: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const message =
    error instanceof Failure
      ? error.message
      : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`sse-lens: ${message}\n`);
  process.exit(1);
});
