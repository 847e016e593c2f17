// Reads back the notes the wire decoders write on a frame ("end of stream: ok; 2 trailers",
// "unterminated: …") as keyed messages, so the panel can show them in its language. The note
// itself stays the English text it always was: it travels in records and is part of the
// export format (and of files imported from other versions), so only the screen translates it.
// A note, or a part of one, that none of these shapes fits is shown as it is.
import { said, type SharedMessage } from '../i18n/shared';

/** A note's parts, in order: each a keyed message, or the text of a part not recognized. */
export type NotePart = SharedMessage | string;

type Rule = readonly [RegExp, (m: RegExpExecArray) => SharedMessage];

const group = (m: RegExpExecArray, i: number): string => m[i] ?? '';
const num = (m: RegExpExecArray, i: number): number => Number(group(m, i));

const ERROR = /^error (?:without a code|(.+?))(?:: (.*?))?(?: \((\d+) details?\))?$/s;

/** The end-of-stream envelope's verdict: ok, its error, or why it is not one. */
function endOfStreamState(text: string): SharedMessage | string {
  if (text === 'ok') return said('note.ok');
  if (text === 'not a JSON object') return said('note.notObject');
  if (text.startsWith('not JSON: ')) {
    return said('note.notJson', { error: text.slice('not JSON: '.length) });
  }
  const m = ERROR.exec(text);
  if (m === null) return text;
  let error = m[1] === undefined ? said('note.errorNoCode') : said('note.error', { code: m[1] });
  if (m[2] !== undefined) error = said('note.errorMessage', { error, message: m[2] });
  if (m[3] !== undefined) error = said('note.errorDetails', { error, count: num(m, 3) });
  return error;
}

const RULES: readonly Rule[] = [
  [
    /^unterminated: the stream ended before the blank line that dispatches it$/,
    () => said('note.unterminatedEvent'),
  ],
  [
    /^unterminated: the stream ended before the end of this line$/,
    () => said('note.unterminatedLine'),
  ],
  [/^not JSON: (.*)$/s, (m) => said('note.notJson', { error: group(m, 1) })],
  [
    /^end of stream: (.*)$/s,
    (m) => said('note.endOfStream', { state: endOfStreamState(group(m, 1)) }),
  ],
  [/^(\d+) trailers?$/, (m) => said('note.trailers', { count: num(m, 1) })],
  [/^after the end-of-stream envelope$/, () => said('note.afterEnd')],
  [/^unknown flags (0x[0-9a-f]+)$/, (m) => said('note.unknownFlags', { flags: group(m, 1) })],
  [
    /^compressed payload( \(gzip\))?, (\d+) bytes?, not decompressed$/,
    (m) => said(m[1] ? 'note.compressedGzip' : 'note.compressed', { count: num(m, 2) }),
  ],
  [
    /^truncated: the stream ended (\d+) bytes? into an envelope's (\d+)-byte prefix$/,
    (m) => said('note.truncatedPrefix', { count: num(m, 1), prefix: group(m, 2) }),
  ],
  [
    /^truncated: expected (\d+) payload bytes?, received (\d+)$/,
    (m) => said('note.truncatedPayload', { count: num(m, 1), received: num(m, 2) }),
  ],
];

/** The note's parts (the decoders join parts with "; "), each read back where it can be. */
export function readFrameNote(note: string): NotePart[] {
  return note.split('; ').map((part) => {
    for (const [pattern, read] of RULES) {
      const m = pattern.exec(part);
      if (m !== null) return read(m);
    }
    return part;
  });
}
