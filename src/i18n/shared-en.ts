// The English catalog of what src/ says that the panel and the CLI both show: import errors,
// how a pool's protocol was learned, a reconnecting stream's delay, a rule's path error. The
// reference the other locales must match key for key; these words are also the English
// `message` of an ImportError, so they stay exactly as they always were.
import type { Message } from './message';

export const sharedEn = {
  'import.expected': '{path}: expected {expected}',
  'import.expectedFormat': '{path}: expected "{format}"',
  'expect.object': 'an object',
  'expect.array': 'an array',
  'expect.string': 'a string',
  'expect.boolean': 'true or false',
  'expect.number': 'a number',
  'expect.count': 'a whole number ≥ 0',
  'expect.time': 'a time (epoch ms ≥ 0)',
  'expect.oneOf': 'one of {values}',
  'expect.pair': 'a [name, value] pair',
  'expect.httpStatus': 'an HTTP status (100–599)',
  'expect.isoDate': 'an ISO date',
  'expect.base64': 'base64 text',
  'import.unknownProperty': '{path}: unknown property "{key}"',
  'import.tooManyItems': '{path}: more than {max} items',
  'import.tooManyConnections': '{path}: more than {max} connections',
  'import.tooManyStreams': '{path}: more than {max} event streams',
  'import.tooManyFrames': 'the file has more than {max} frames, more than the panel holds',
  'import.noDetails': '{path}: connection "{id}" has no _sseLens.details',
  'import.noEvents': 'no events: the file is not a text/event-stream with at least one event',
  'import.noLines': 'no lines: the NDJSON file is empty',
  'import.notCaptureText':
    'not a capture: expected SSE Lens JSON, a HAR file, a text/event-stream (.sse) file or NDJSON (.ndjson)',
  'import.notCaptureJson': 'not a capture: the JSON is neither an SSE Lens capture nor a HAR file',
  'import.invalidJson': 'not valid JSON ({error})',
  'import.harNoStreams':
    'the HAR has no event streams: no entry has _eventSourceMessages, a text/event-stream, NDJSON or Connect response, or resource type eventsource',
  'import.version':
    '{path}: this SSE Lens reads version {wanted} captures, the file is version {found}',
  'import.tooLarge': 'the file is {size} MB; SSE Lens imports files up to {max} MB',
  'import.unreadable': 'the file could not be read ({error})',

  'protocol.seenNavigation': '{protocol} seen on the navigation of {url}',
  'protocol.seenRequest': '{protocol} seen on the request for {url}',
  'protocol.notLearned': 'not learned yet: no completed request to this endpoint in the page',
  'protocol.inferred': 'inferred: {count} streams open at once, more than HTTP/1.1 allows',

  'delay.ms': '{n} ms',
  'delay.s': '{n} s',
  'retry.label': 'delay {delay}, {basis}',
  'retry.basis.assumed': 'assumed',
  'retry.basis.observed': 'observed',
  'retry.why.assumed': "assumed: the browser's default when the server sends no retry:",
  'retry.why.observed': 'observed: at most the gap this stream showed after an earlier error',
  'retry.waiting':
    'Waiting out its reconnection delay ({delay}, {why}); it holds no connection until it requests again. {unseen}',
  'retry.requested':
    'Requested again {delay} after its error ({why}); since then it competes for a connection like a new stream. {unseen}',
  'retry.unseen': "A page cannot see the server's retry: field nor the new request.",

  'path.unreadable': 'cannot read the path at "{rest}"',
  'path.empty': 'the path is empty',
  'deepCapture.notGranted':
    'Firefox does not let a DevTools panel ask for permissions: allow deep capture in the SSE Lens tab that opened, then turn it on again.',
  'deepCapture.detached': 'Chrome detached the debugger ({reason}).',
  'llm.textPath': 'text path: {problem}',
  'llm.reasoningPath': 'reasoning path: {problem}',
  'llm.finishPath': 'finish path: {problem}',
  'llm.notJson': 'frame is not JSON: {data}',
  'llm.notObject': 'frame is not a JSON object: {data}',

  'note.unterminatedEvent':
    'unterminated: the stream ended before the blank line that dispatches it',
  'note.unterminatedLine': 'unterminated: the stream ended before the end of this line',
  'note.notJson': 'not JSON: {error}',
  'note.notObject': 'not a JSON object',
  'note.endOfStream': 'end of stream: {state}',
  'note.ok': 'ok',
  'note.error': 'error {code}',
  'note.errorNoCode': 'error without a code',
  'note.errorMessage': '{error}: {message}',
  'note.errorDetails': { one: '{error} ({count} detail)', other: '{error} ({count} details)' },
  'note.trailers': { one: '{count} trailer', other: '{count} trailers' },
  'note.afterEnd': 'after the end-of-stream envelope',
  'note.unknownFlags': 'unknown flags {flags}',
  'note.compressed': {
    one: 'compressed payload, {count} byte, not decompressed',
    other: 'compressed payload, {count} bytes, not decompressed',
  },
  'note.compressedGzip': {
    one: 'compressed payload (gzip), {count} byte, not decompressed',
    other: 'compressed payload (gzip), {count} bytes, not decompressed',
  },
  'note.truncatedPrefix': {
    one: "truncated: the stream ended {count} byte into an envelope's {prefix}-byte prefix",
    other: "truncated: the stream ended {count} bytes into an envelope's {prefix}-byte prefix",
  },
  'note.truncatedPayload': {
    one: 'truncated: expected {count} payload byte, received {received}',
    other: 'truncated: expected {count} payload bytes, received {received}',
  },
} as const satisfies Readonly<Record<string, Message>>;

export type SharedKey = keyof typeof sharedEn;
