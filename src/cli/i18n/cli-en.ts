// The English catalog of the `sse-lens` command line: its usage, usage errors, failures, the
// startup listing and the replay's notes. The reference the other locales must match key for
// key; these are the exact words the CLI has always printed (tests assert them).
import type { Message } from '../../i18n/message';

export const cliEn = {
  usage: `Usage: sse-lens replay <capture.json|capture.har|stream.sse|stream.ndjson> [--port N] [--speed X] [--loop]

Serves each captured connection as an SSE endpoint on 127.0.0.1, with its original frames,
timing, reconnects and failures, resuming from a client's Last-Event-ID. A fetch/XHR stream
answers its captured method (e.g. POST) with its recorded status, Content-Type and body.

  --port N       port to listen on (default 0: any free port)
  --speed X      play X times as fast (default 1; 0.5 is half speed)
  --loop         start over after the last frame instead of stopping
  --lang L       language of these messages: en, zh_CN or ru
                 (default: from LC_ALL, LC_MESSAGES or LANG)
  -h, --help     show this help
  -v, --version  print the version of sse-lens

Stop with Ctrl-C (exit code 0). Exit code 1: the capture or the port cannot be used;
2: the command line is wrong.
`,

  'usage.needsValue': '{option} needs a value, e.g. {option} {example}',
  'usage.unknownOption': 'unknown option {option}',
  'usage.noCommand': 'no command given; the command is replay',
  'usage.unknownCommand': 'unknown command "{command}"; try replay',
  'usage.needsFile': 'replay needs a capture file',
  'usage.oneFile': 'replay takes one capture file, got {count}',
  'usage.badPort':
    '--port must be a whole number from 0 to 65535 (0 picks any free port); got "{text}"',
  'usage.badSpeed':
    '--speed must be a number above 0 (2 plays twice as fast, 0.5 at half speed); got "{text}"',
  'usage.backwardSpeed':
    '--speed must be a number above 0 (2 plays twice as fast, 0.5 at half speed); got "{text}" (a replay cannot run backwards)',
  'usage.badLang': '--lang must be en, zh_CN or ru; got "{text}"',

  'fail.cannotReplay': 'cannot replay {name}: {reason}',
  'fail.noConnections': '{name} holds no connections to replay',
  'fail.directory': '{path} is a directory; give a capture file (.json, .har or .sse)',
  'fail.empty': '{name} is empty: there is nothing to replay',
  'fail.noFile': 'there is no file {path}',
  'fail.permission': 'cannot read {path}: permission denied',
  'fail.portInUse':
    'port {port} on 127.0.0.1 is already in use by another program; choose another with --port, or leave it out to use any free port',
  'fail.portDenied':
    'not allowed to listen on port {port} (ports below 1024 need administrator rights); choose another with --port',
  'fail.unexpected': 'unexpected error: {error}',
  stopping: 'stopping the replay',
  'fail.stream': 'replay failed:',

  'start.title': 'SSE Lens replay of {name}: {connections}, speed {speed}x, loop {loop}',
  'start.loopOn': 'on',
  'start.loopOff': 'off',
  'start.was': 'was {original} ({frames}, {attempts})',
  'start.notes': 'Not reproduced exactly:',
  'start.index': 'Index: {url}  Stop with Ctrl-C.',
  'count.connections': { one: '{count} connection', other: '{count} connections' },
  'count.frames': { one: '{count} frame', other: '{count} frames' },
  'count.attempts': { one: '{count} attempt', other: '{count} attempts' },

  'note.unrecorded': {
    one: '{count} failed attempt has no recorded HTTP status: served as 204 No Content',
    other: '{count} failed attempts have no recorded HTTP status: served as 204 No Content',
  },
  'note.inferred': {
    one: '{count} reconnect delay was not sent by the server as retry: (or the capture could not see it): the replay sends a retry: inferred from the observed delay, after a comment saying so',
    other:
      '{count} reconnect delays were not sent by the server as retry: (or the capture could not see it): the replay sends a retry: inferred from the observed delay, after a comment saying so',
  },
  'note.queued': {
    one: '{count} attempt was still queued behind the connection limit at export, so what the server would answer is unknown: answered with an open stream and no frames',
    other:
      '{count} attempts were still queued behind the connection limit at export, so what the server would answer is unknown: answered with an open stream and no frames',
  },
  'note.unanswered': {
    one: '{count} attempt had no response yet at export: held unanswered, as captured',
    other: '{count} attempts had no response yet at export: held unanswered, as captured',
  },
  'note.timeless': {
    one: '{count} connection has no timing (a .sse file, or frames all in one millisecond): frames are served {gap} ms apart, divided by --speed',
    other:
      '{count} connections have no timing (a .sse file, or frames all in one millisecond): frames are served {gap} ms apart, divided by --speed',
  },
  'note.incomplete': {
    one: '{count} fetch stream frame was not captured whole (cut at the size limit, or a compressed Connect payload): served as captured',
    other:
      '{count} fetch stream frames were not captured whole (cut at the size limit, or a compressed Connect payload): served as captured',
  },
  'note.unansweredFetch': {
    one: '{count} fetch stream had no response yet at export: held unanswered, as captured',
    other: '{count} fetch streams had no response yet at export: held unanswered, as captured',
  },
} as const satisfies Readonly<Record<string, Message>>;

export type CliKey = keyof typeof cliEn;
