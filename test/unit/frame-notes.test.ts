// Frame notes stay the decoders' English (in records and exports); the panel reads back each
// part the decoders write and shows it in its language. Every note below is made by a real
// decoder, so a decoder whose words change without the reader fails here.
import { describe, expect, it } from 'vitest';
import { sharedText } from '../../src/i18n/shared';
import { readFrameNote } from '../../src/sse/frame-notes';
import type { Locale } from '../../src/i18n/locales';
import { decodeAll, decodeChunks, envelope } from './support/wire-decoding';

/** The note in `locale`, as the panel shows it. */
const shown = (note: string, locale: Locale): string =>
  readFrameNote(note)
    .map((part) => (typeof part === 'string' ? part : sharedText(part, locale)))
    .join('; ');

function notesOf(frames: readonly { note?: string }[]): string[] {
  return frames.flatMap((f) => (f.note === undefined ? [] : [f.note]));
}

const gzip = Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2]);
const failed = JSON.stringify({
  error: { code: 'unavailable', message: 'backend down', details: [{}, {}, {}] },
  metadata: { a: ['1'], b: ['2'], c: ['3'], d: ['4'], e: ['5'] },
});

/** Every kind of note a decoder writes. */
const decoderNotes = (): string[] => [
  ...notesOf(decodeChunks('sse', ['data: cut']).ended),
  ...notesOf(decodeChunks('sse', [': bye']).ended),
  ...notesOf(decodeAll('connect', [envelope(1, gzip), envelope(1, 'a')])),
  ...notesOf(decodeAll('connect', [envelope(0x80, '{}')])),
  ...notesOf(decodeAll('connect', [envelope(2, failed), envelope(2, '{"error":{}}')])),
  ...notesOf(decodeAll('connect', [envelope(2, '{"metadata":{"x":["1"]}}')])),
  ...notesOf(decodeAll('connect', [envelope(2, '[1]')])),
  ...notesOf(decodeChunks('connect', [envelope(0, '{"a":"bcdef"}').subarray(0, 9)]).ended),
  ...notesOf(decodeChunks('connect', [envelope(0, '{}').subarray(0, 3)]).ended),
];

describe('frame notes', () => {
  it('reads back every part a decoder writes, English exactly as written', () => {
    const notes = decoderNotes();
    expect(notes).toHaveLength(11);
    for (const note of notes) {
      expect(readFrameNote(note).filter((part) => typeof part === 'string')).toEqual([]);
      expect(shown(note, 'en')).toBe(note);
    }
  });

  it('shows them in Russian and Chinese', () => {
    expect(decoderNotes().map((note) => shown(note, 'ru'))).toEqual([
      'не завершено: поток кончился до пустой строки, которая отправляет событие',
      'не завершено: поток кончился до конца этой строки',
      'сжатые данные (gzip), 12 байт, не распакованы',
      'сжатые данные, 1 байт, не распакованы',
      'неизвестные флаги 0x80',
      'конец потока: ошибка unavailable: «backend down» (3 подробности); 5 трейлеров',
      'после конверта конца потока; конец потока: ошибка без кода',
      'конец потока: без ошибок; 1 трейлер',
      'конец потока: не объект JSON',
      'обрезано: ожидалось 13 байт данных, получено 4',
      'обрезано: поток кончился, из 5-байтового префикса конверта получено только 3 байта',
    ]);
    expect(shown('end of stream: error internal; 2 trailers', 'zh_CN')).toBe(
      '流结束：错误 internal; 2 个尾部元数据',
    );
  });

  it('keeps the JSON parser’s own words inside a translated part', () => {
    const [note] = notesOf(decodeAll('ndjson', ['{oops\n']));
    const parser = /^not JSON: (.+)$/.exec(note ?? '')?.[1] ?? '';
    expect(parser).not.toBe('');
    expect(shown(note ?? '', 'ru')).toBe(`не JSON: ${parser}`);
    expect(shown(note ?? '', 'zh_CN')).toBe(`不是 JSON：${parser}`);
  });

  it('shows a part it does not know as it is', () => {
    expect(shown('something else; 1 trailer', 'ru')).toBe('something else; 1 трейлер');
  });
});
