// The messages src/ hands the panel and the CLI as a key and parameters: each reads exactly as
// the English it replaced (the English `message` of an ImportError included), and renders in
// Chinese and Russian with its parameters, plural forms and numbers for the locale.
import { describe, expect, it } from 'vitest';
import { importText, tooLarge } from '../../src/export/import-file';
import { ImportError } from '../../src/export/json-read';
import type { Locale } from '../../src/i18n/locales';
import { matchLocale } from '../../src/i18n/locales';
import { renderMessage } from '../../src/i18n/render';
import { messageForms, placeholders } from '../../src/i18n/message';
import {
  said,
  SHARED_CATALOGS,
  sharedText,
  type SharedKey,
  type SharedMessage,
} from '../../src/i18n/shared';
import { parseJsonPath } from '../../src/llm/user-rule';
import { retryDelayLabel, retryDelayNote, type PoolMember } from '../../src/model/pools';

function problemOf(text: string, name = 'file.json'): ImportError {
  try {
    importText(name, text, 0);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected the import to fail');
}

/** The three renderings of a message: [en, zh_CN, ru]. */
const inEach = (message: SharedMessage): string[] =>
  (['en', 'zh_CN', 'ru'] as const).map((locale) => sharedText(message, locale));

describe('import errors', () => {
  it.each<[string, string, string, string, string]>([
    [
      'file.json',
      '{"format":"other"}',
      'format: expected "sse-lens-capture"',
      'format：应为 "sse-lens-capture"',
      'format: ожидается "sse-lens-capture"',
    ],
    [
      'file.json',
      '{"format":"sse-lens-capture","version":7,"generator":{"name":"x","version":"1"}}',
      'version: this SSE Lens reads version 1 captures, the file is version 7',
      'version：此版本的 SSE Lens 读取版本 1 的捕获，而该文件的版本为 7',
      'version: эта версия SSE Lens читает захваты версии 1, а файл имеет версию 7',
    ],
    [
      'notes.txt',
      'hello world',
      'not a capture: expected SSE Lens JSON, a HAR file, a text/event-stream (.sse) file or NDJSON (.ndjson)',
      '不是捕获文件：应为 SSE Lens JSON、HAR 文件、text/event-stream（.sse）文件或 NDJSON（.ndjson）',
      'это не захват: ожидается JSON SSE Lens, файл HAR, файл text/event-stream (.sse) или NDJSON (.ndjson)',
    ],
    [
      'file.json',
      '[1, 2]',
      'not a capture: the JSON is neither an SSE Lens capture nor a HAR file',
      '不是捕获文件：该 JSON 既不是 SSE Lens 捕获，也不是 HAR 文件',
      'это не захват: JSON не является ни захватом SSE Lens, ни файлом HAR',
    ],
    [
      'file.json',
      '{"log":{"entries":[]}}',
      'the HAR has no event streams: no entry has _eventSourceMessages, a text/event-stream, NDJSON or Connect response, or resource type eventsource',
      '该 HAR 中没有事件流：没有任何条目带有 _eventSourceMessages、text/event-stream、NDJSON 或 Connect 响应，或资源类型 eventsource',
      'в HAR нет потоков событий: ни у одной записи нет _eventSourceMessages, ответа text/event-stream, NDJSON или Connect или типа ресурса eventsource',
    ],
    [
      'file.json',
      '{"log":{"entries":[{"request":{}}]}}',
      'log.entries[0].response: expected an object',
      'log.entries[0].response：应为对象',
      'log.entries[0].response: ожидается объект',
    ],
    [
      'file.json',
      '{"format":"sse-lens-capture","bogus":1}',
      'capture: unknown property "bogus"',
      'capture：未知属性 "bogus"',
      'capture: неизвестное свойство "bogus"',
    ],
  ])('%s %j', (name, text, en, zh, ru) => {
    const error = problemOf(text, name);
    expect(error.message).toBe(en);
    expect(inEach(error.problem)).toEqual([en, zh, ru]);
  });

  it('invalid JSON, with the parser’s own words inside', () => {
    const error = problemOf('{oops');
    const parser = /^not valid JSON \((.+)\)$/.exec(error.message)?.[1] ?? '';
    expect(parser).not.toBe('');
    expect(inEach(error.problem).slice(1)).toEqual([
      `不是有效的 JSON（${parser}）`,
      `некорректный JSON (${parser})`,
    ]);
  });

  it('a file too large, in MB as always, and the frame limit with its digits grouped', () => {
    const large = tooLarge(300 * 1024 * 1024);
    expect(large.message).toBe('the file is 300 MB; SSE Lens imports files up to 128 MB');
    expect(inEach(large.problem).slice(1)).toEqual([
      '该文件大小为 300 MB；SSE Lens 最多导入 128 MB 的文件',
      'размер файла 300 МБ; SSE Lens импортирует файлы не больше 128 МБ',
    ]);
    const frames = said('import.tooManyFrames', { max: 1_000_000 });
    expect(inEach(frames)).toEqual([
      'the file has more than 1,000,000 frames, more than the panel holds',
      '文件中的帧超过 1,000,000 个，超出了面板能容纳的数量',
      'в файле больше 1\u00a0000\u00a0000 кадров — больше, чем вмещает панель',
    ]);
  });

  it('an expected value nested in the message is worded in the same language', () => {
    const message = said('import.expected', {
      path: 'connections[0].state',
      expected: said('expect.oneOf', { values: 'connecting, open, closed' }),
    });
    expect(inEach(message)).toEqual([
      'connections[0].state: expected one of connecting, open, closed',
      'connections[0].state：应为以下之一：connecting, open, closed',
      'connections[0].state: ожидается одно из значений: connecting, open, closed',
    ]);
  });
});

describe('every shared message', () => {
  it.each(Object.keys(SHARED_CATALOGS.en) as SharedKey[])('%s renders in zh_CN and ru', (key) => {
    const names = placeholders(messageForms(SHARED_CATALOGS.en[key]).join(' '));
    const params = Object.fromEntries(
      names.map((name) => [name, name === 'count' ? 7 : `<${name}>`]),
    );
    const [en, zh, ru] = inEach(said(key, params));
    for (const text of [zh, ru]) {
      expect(text).not.toBe(en);
      expect(text).not.toMatch(/\{\w+\}/);
      for (const name of names) if (name !== 'count') expect(text).toContain(`<${name}>`);
    }
  });
});

describe('a pool member’s retry delay', () => {
  const member = (state: PoolMember['state'], ms: number, basis: 'observed' | 'assumed') =>
    ({ state, retryDelay: { ms, basis } }) as PoolMember;
  const inRussian = (message: SharedMessage): string => sharedText(message, 'ru');
  const inChinese = (message: SharedMessage): string => sharedText(message, 'zh_CN');

  it('labels it in the panel’s language, numbers with the locale’s decimal mark', () => {
    const waiting = member('reconnecting', 1500, 'observed');
    expect(retryDelayLabel(waiting)).toBe('delay 1.5 s, observed');
    expect(retryDelayLabel(waiting, inRussian)).toBe('задержка 1,5 с, наблюдаемая');
    expect(retryDelayLabel(member('queued', 250, 'assumed'), inChinese)).toBe(
      '延迟 250 毫秒，假定值',
    );
  });

  it('explains it in full', () => {
    const requested = member('queued', 3000, 'assumed');
    expect(retryDelayNote(requested)).toBe(
      "Requested again 3 s after its error (assumed: the browser's default when the server " +
        'sends no retry:); since then it competes for a connection like a new stream. A page ' +
        "cannot see the server's retry: field nor the new request.",
    );
    expect(retryDelayNote(member('reconnecting', 3000, 'assumed'), inRussian)).toBe(
      'Выжидает задержку переподключения (3 с, предполагаемая: значение браузера по ' +
        'умолчанию, когда сервер не шлёт retry:); до нового запроса соединение не занимает. ' +
        'Страница не видит ни поле retry: сервера, ни новый запрос.',
    );
    expect(retryDelayNote(requested, inChinese)).toBe(
      '出错 3 秒后再次发出请求（假定值：服务器未发送 retry: 时浏览器的默认值）；此后它像新的流' +
        '一样竞争连接。页面既看不到服务器的 retry: 字段，也看不到新的请求。',
    );
  });
});

describe('a rule’s path error', () => {
  it('is English by default and in the editor’s language when it passes its translator', () => {
    expect(parseJsonPath('a..b')).toEqual({ error: 'cannot read the path at "..b"' });
    const ru = (message: SharedMessage): string => sharedText(message, 'ru');
    const zh = (message: SharedMessage): string => sharedText(message, 'zh_CN');
    expect(parseJsonPath('a..b', ru)).toEqual({
      error: 'не удаётся разобрать путь начиная с "..b"',
    });
    expect(parseJsonPath('$', zh)).toEqual({ error: '路径为空' });
  });
});

describe('the shared core', () => {
  it('picks the plural form for the count in each locale', () => {
    const forms = { one: '{count} a', few: '{count} b', many: '{count} c', other: '{count} d' };
    const pick = (locale: Locale, count: number): string => renderMessage(forms, locale, { count });
    expect([1, 3, 5, 21].map((n) => pick('ru', n))).toEqual(['1 a', '3 b', '5 c', '21 a']);
    expect([1, 2].map((n) => pick('en', n))).toEqual(['1 a', '2 d']);
    expect(pick('zh_CN', 1)).toBe('1 d');
    expect(renderMessage('{n} and {missing}', 'en', { n: 12345 })).toBe('12,345 and {missing}');
  });

  it('reads POSIX locale names as well as browser tags', () => {
    expect(
      ['ru_RU.UTF-8', 'zh_CN.UTF-8', 'zh_TW.UTF-8', 'en_GB@euro', 'C.UTF-8', 'POSIX', 'zh-CN'].map(
        matchLocale,
      ),
    ).toEqual(['ru', 'zh_CN', null, 'en', null, null, 'zh_CN']);
  });
});

describe('a message from another version', () => {
  it('shows a key this build does not know as the key, never throwing', () => {
    const unknown = { key: 'protocol.fromTheFuture' } as unknown as SharedMessage;
    expect(sharedText(unknown, 'ru')).toBe('protocol.fromTheFuture');
  });
});
