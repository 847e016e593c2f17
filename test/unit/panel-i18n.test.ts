// The panel's message module: placeholders, Russian one/few/many plurals, numbers, sizes and
// durations in the active locale, and how the locale is chosen and remembered.
import { afterEach, describe, expect, it } from 'vitest';
import { deepCaptureAvailability } from '../../panel/deep-capture';
import { formatBytes, formatCount, formatDuration } from '../../panel/format';
import {
  activeLocale,
  chooseLocale,
  initialLocale,
  LOCALE_KEY,
  matchLocale,
} from '../../panel/i18n/locale';
import { t } from '../../panel/i18n/translate';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

afterEach(() => {
  activeLocale.value = 'en';
});

describe('t', () => {
  it('fills named placeholders, formatting numbers for the locale', () => {
    expect(t('filter.invalid', { error: 'bad' })).toBe('Invalid regular expression: bad');
    expect(t('notice.paused', { count: 12345 })).toBe('12,345 not recorded while paused');
    activeLocale.value = 'ru';
    expect(t('notice.paused', { count: 12345 })).toBe('Не записано во время паузы: 12\u00a0345');
  });

  it('picks Russian one, few and many forms, and English one and other', () => {
    expect(t('notice.wireMissed', { count: 1 })).toMatch(/^1 stream opened/);
    expect(t('notice.wireMissed', { count: 2 })).toMatch(/^2 streams opened/);
    activeLocale.value = 'ru';
    expect(t('notice.wireMissed', { count: 1 })).toMatch(/^1 поток открыт/);
    expect(t('notice.wireMissed', { count: 3 })).toMatch(/^3 потока открыты/);
    expect(t('notice.wireMissed', { count: 5 })).toMatch(/^5 потоков открыто/);
    expect(t('notice.wireMissed', { count: 21 })).toMatch(/^21 поток открыт/);
    activeLocale.value = 'zh_CN';
    expect(t('notice.wireMissed', { count: 1 })).toMatch(/^1 个流/);
  });
});

describe('texts made before a language change', () => {
  it('read in the language of the moment: why a build offers no deep capture', () => {
    const none = deepCaptureAvailability({});
    if (none.available) throw new Error('a build without deep capture permissions offers it');
    expect(none.reason).toMatch(/^This build of SSE Lens does not offer deep capture/);
    activeLocale.value = 'ru';
    expect(none.reason).toMatch(/^Эта сборка SSE Lens не предлагает глубокий захват/);
  });
});

describe('formatting in the active locale', () => {
  it('keeps English exactly as before', () => {
    expect(formatCount(1048576)).toBe('1,048,576');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatDuration(245_000)).toBe('4m 05s');
  });

  it('uses Russian digits, units and separators', () => {
    activeLocale.value = 'ru';
    expect(formatCount(1048576)).toBe('1\u00a0048\u00a0576');
    expect(formatBytes(1536)).toBe('1,5 КБ');
    expect(formatBytes(512)).toBe('512 Б');
    expect(formatDuration(450)).toBe('450 мс');
    expect(formatDuration(12_345)).toBe('12,3 с');
    expect(formatDuration(245_000)).toBe('4 мин 05 с');
  });

  it('uses Chinese units', () => {
    activeLocale.value = 'zh_CN';
    expect(formatBytes(2 * 1024 * 1024)).toBe('2.0 MB');
    expect(formatDuration(3_725_000)).toBe('1 小时 02 分');
  });
});

describe('the active locale', () => {
  it('follows the browser language, falling back to English', () => {
    expect(matchLocale('zh-CN')).toBe('zh_CN');
    expect(matchLocale('zh-Hans-SG')).toBe('zh_CN');
    expect(matchLocale('zh-TW')).toBeNull();
    expect(matchLocale('zh-Hans-HK')).toBe('zh_CN');
    expect(matchLocale('zh-Hant-CN')).toBeNull();
    expect(matchLocale('zh-HK')).toBeNull();
    expect(matchLocale('ru-RU')).toBe('ru');
    expect(matchLocale('en-GB')).toBe('en');
    expect(initialLocale(memoryStorage(), 'de-DE')).toBe('en');
    expect(initialLocale(memoryStorage(), 'ru')).toBe('ru');
  });

  it('remembers an override, and forgets it to follow the browser again', () => {
    const storage = memoryStorage();
    chooseLocale(storage, 'ru');
    expect(storage.getItem(LOCALE_KEY)).toBe('ru');
    expect(activeLocale.value).toBe('ru');
    expect(initialLocale(storage, 'zh-CN')).toBe('ru');
    chooseLocale(storage, null);
    expect(storage.getItem(LOCALE_KEY)).toBeNull();
    expect(initialLocale(storage, 'zh-CN')).toBe('zh_CN');
  });
});
