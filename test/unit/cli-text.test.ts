// The CLI's catalog and how it picks a language: POSIX precedence of LC_ALL, LC_MESSAGES and
// LANG, --lang read first, every message in English exactly as before and in zh_CN and ru with
// plurals that agree and numbers in the locale's form.
import { describe, expect, it } from 'vitest';
import {
  CLI_CATALOGS,
  cliMessage,
  cliText,
  environmentLocale,
  formatDecimal,
  type CliKey,
} from '../../src/cli/cli-text';
import { langArgument, parseReplayArgs, UsageError } from '../../src/cli/replay-args';
import { replayNotes } from '../../src/cli/replay-notes';
import type { PlannedAttempt } from '../../src/cli/replay-plan';
import { messageForms, placeholders } from '../../src/i18n/message';
import { said } from '../../src/i18n/shared';

describe('the CLI’s language', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG; C, POSIX and unknown ones are English', () => {
    expect(environmentLocale({ LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(environmentLocale({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'ru_RU.UTF-8' })).toBe('zh_CN');
    expect(environmentLocale({ LC_ALL: 'C', LC_MESSAGES: 'zh_CN.UTF-8' })).toBe('en');
    expect(environmentLocale({ LC_ALL: '', LANG: 'ru_RU.KOI8-R' })).toBe('ru');
    expect(environmentLocale({ LANG: 'POSIX' })).toBe('en');
    expect(environmentLocale({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(environmentLocale({})).toBe('en');
  });

  it('takes --lang before anything else, and refuses a language it does not have', () => {
    expect(langArgument(['replay', '--lang', 'zh_CN', 'x.sse'])).toBe('zh_CN');
    expect(langArgument(['--lang=ru', '--lop'])).toBe('ru');
    expect(langArgument(['replay', 'x.sse'])).toBeNull();
    expect(() => parseReplayArgs(['replay', 'x.sse', '--lang', 'fr'])).toThrow(
      new UsageError(cliMessage('usage.badLang', { text: 'fr' })),
    );
    expect(parseReplayArgs(['replay', 'x.sse', '--lang', 'ru'])).toEqual({
      path: 'x.sse',
      port: 0,
      speed: 1,
      loop: false,
    });
  });
});

describe('the CLI’s messages', () => {
  const attempt = (over: Partial<PlannedAttempt>): PlannedAttempt =>
    ({
      ending: 'end',
      response: { recorded: true },
      retry: null,
      queued: false,
      ...over,
    }) as PlannedAttempt;

  it('words the replay notes in English as before, and in Russian with agreeing plurals', () => {
    const notes = (n: number) =>
      replayNotes([
        { plan: Array.from({ length: n }, () => attempt({ queued: true })), timeless: false },
      ]);
    expect(notes(1).map((m) => cliText(m))).toEqual([
      '1 attempt was still queued behind the connection limit at export, so what the server ' +
        'would answer is unknown: answered with an open stream and no frames',
    ]);
    expect([1, 3, 5, 1001].map((n) => cliText(notes(n)[0]!, 'ru').split(' при ')[0])).toEqual([
      '1 попытка',
      '3 попытки',
      '5 попыток',
      '1\u00a0001 попытка',
    ]);
    expect(cliText(notes(12_345)[0]!, 'zh_CN')).toMatch(/^导出时仍有 12,345 次尝试/);
  });

  it('carries an import error from the shared catalog into its own sentence', () => {
    const message = cliMessage('fail.cannotReplay', {
      name: 'a.json',
      reason: said('import.noEvents'),
    });
    expect(cliText(message)).toBe(
      'cannot replay a.json: no events: the file is not a text/event-stream with at least one event',
    );
    expect(cliText(message, 'zh_CN')).toBe(
      '无法回放 a.json：没有事件：该文件不是至少含一个事件的 text/event-stream',
    );
  });

  it('shows a speed as typed, with the locale’s decimal mark', () => {
    expect(['en', 'ru', 'zh_CN'].map((l) => formatDecimal(l as 'en', 0.5))).toEqual([
      '0.5',
      '0,5',
      '0.5',
    ]);
    expect(formatDecimal('en', 0.0001)).toBe('0.0001');
    expect(formatDecimal('ru', 12_500)).toBe('12500');
  });

  it.each(Object.keys(CLI_CATALOGS.en) as CliKey[])('%s renders in zh_CN and ru', (key) => {
    const names = placeholders(messageForms(CLI_CATALOGS.en[key]).join(' '));
    const params = Object.fromEntries(
      names.map((name) => [name, name === 'count' ? 2 : `<${name}>`]),
    );
    const message = cliMessage(key, params);
    for (const locale of ['zh_CN', 'ru'] as const) {
      const text = cliText(message, locale);
      expect(text).not.toBe(cliText(message));
      expect(text).not.toMatch(/\{\w+\}/);
      for (const name of names) if (name !== 'count') expect(text).toContain(`<${name}>`);
    }
  });
});
