// Reads `sse-lens replay` arguments, explaining each mistake in a sentence (a usage error,
// exit 2). Hand-written rather than util.parseArgs, whose messages for `--speed -1` and the
// like name internals instead of what to type.

export const USAGE = `Usage: sse-lens replay <capture.json|capture.har|stream.sse|stream.ndjson> [--port N] [--speed X] [--loop]

Serves each captured connection as an SSE endpoint on 127.0.0.1, with its original frames,
timing, reconnects and failures, resuming from a client's Last-Event-ID. A fetch/XHR stream
answers its captured method (e.g. POST) with its recorded status, Content-Type and body.

  --port N       port to listen on (default 0: any free port)
  --speed X      play X times as fast (default 1; 0.5 is half speed)
  --loop         start over after the last frame instead of stopping
  -h, --help     show this help
  -v, --version  print the version of sse-lens

Stop with Ctrl-C (exit code 0). Exit code 1: the capture or the port cannot be used;
2: the command line is wrong.
`;

export class UsageError extends Error {}

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
      if (v === undefined) throw new UsageError(`${option} needs a value, e.g. ${option} 2`);
      return v;
    };
    if (option === '-h' || option === '--help') return 'help';
    else if (option === '-v' || option === '--version') return 'version';
    else if (option === '--port') port = value();
    else if (option === '--speed') speed = value();
    else if (option === '--loop') loop = true;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else positionals.push(arg);
  }
  const [command, path, ...rest] = positionals;
  if (command === undefined) throw new UsageError('no command given; the command is replay');
  if (command !== 'replay') throw new UsageError(`unknown command "${command}"; try replay`);
  if (path === undefined) throw new UsageError('replay needs a capture file');
  if (rest.length > 0) {
    throw new UsageError(`replay takes one capture file, got ${positionals.length - 1}`);
  }
  return { path, port: readPort(port), speed: readSpeed(speed), loop };
}

function splitOption(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

function readPort(text: string): number {
  const port = Number(text);
  if (text.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(
      `--port must be a whole number from 0 to 65535 (0 picks any free port); got "${text}"`,
    );
  }
  return port;
}

function readSpeed(text: string): number {
  const speed = Number(text);
  if (text.trim() === '' || !Number.isFinite(speed) || speed <= 0) {
    const why = Number(text) < 0 ? ' (a replay cannot run backwards)' : '';
    throw new UsageError(
      `--speed must be a number above 0 (2 plays twice as fast, 0.5 at half speed); got "${text}"${why}`,
    );
  }
  return speed;
}
