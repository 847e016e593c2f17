// The `sse-lens` command line: `sse-lens replay <capture> [--port N] [--speed X] [--loop]`
// serves a capture (SSE Lens JSON, a HAR or a .sse file) as a mock SSE server on 127.0.0.1.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { importText, tooLarge } from '../export/import-file';
import { ImportError } from '../export/json-read';
import { IMPORT_LIMITS } from '../export/limits';
import { startReplay } from './replay-server';

const USAGE = `Usage: sse-lens replay <capture.json|capture.har|stream.sse> [--port N] [--speed X] [--loop]

Serves each captured connection as an SSE endpoint on 127.0.0.1, with its original frames,
timing, reconnects and failures, resuming from a client's Last-Event-ID.

  --port N    port to listen on (default 0: any free port)
  --speed X   play X times as fast (default 1; 0.5 is half speed)
  --loop      start over after the last frame instead of stopping
`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '0' },
      speed: { type: 'string', default: '1' },
      loop: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const [command, path, ...rest] = positionals;
  if (command !== 'replay' || path === undefined || rest.length > 0)
    throw new UsageError('expected: replay <capture>');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`invalid --port: ${values.port}`);
  const speed = Number(values.speed);
  if (!Number.isFinite(speed) || speed <= 0)
    throw new UsageError(`invalid --speed: ${values.speed}`);

  const { size } = await stat(path);
  if (size > IMPORT_LIMITS.maxFileBytes) throw tooLarge(size);
  const { file } = importText(basename(path), await readFile(path, 'utf8'), Date.now());
  const replay = await startReplay(file, { port, speed, loop: values.loop });
  const plural = file.connections.length === 1 ? 'connection' : 'connections';
  console.log(
    `SSE Lens replay of ${basename(path)}: ${file.connections.length} ${plural}, speed ${speed}x, loop ${values.loop ? 'on' : 'off'}`,
  );
  for (const e of replay.endpoints) {
    console.log(`  ${e.url}`);
    console.log(`      was ${e.original} (${e.frames} frames, ${e.attempts} attempts)`);
  }
  console.log(`Index: ${replay.origin}/  Stop with Ctrl-C.`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void replay.close().then(() => process.exit(0));
    });
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
    process.stderr.write(`sse-lens: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const message =
    error instanceof ImportError
      ? `cannot read the capture: ${error.message}`
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`sse-lens: ${message}\n`);
  process.exit(1);
});
