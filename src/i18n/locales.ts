// The languages SSE Lens speaks, shared by the panel and the CLI: their names, their Intl
// tags, and which of them a language tag (a browser's `zh-CN`, a shell's `ru_RU.UTF-8`) means.

export const LOCALES = ['en', 'zh_CN', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's name in itself, as the language menu lists it. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  zh_CN: '简体中文',
  ru: 'Русский',
};

/** BCP 47 tags for Intl: `en-US` keeps English numbers exactly as they always were. */
export const INTL_TAGS: Readonly<Record<Locale, string>> = {
  en: 'en-US',
  zh_CN: 'zh-CN',
  ru: 'ru-RU',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Our locale for a language tag (`zh-CN`, `zh-Hans-SG`, `ru-RU`, `en-GB`, or a POSIX
 * `zh_CN.UTF-8`, `ru_RU.KOI8-R@euro`), if any.
 */
export function matchLocale(tag: string): Locale | null {
  const lower = tag
    .toLowerCase()
    .replace(/[.@].*$/, '')
    .replace(/_/g, '-');
  const language = lower.split('-')[0];
  // Simplified unless the tag says Traditional, or names a region that writes it and no script.
  if (language === 'zh') {
    if (/-hans\b/.test(lower)) return 'zh_CN';
    return /-(tw|hk|mo|hant)\b/.test(lower) ? null : 'zh_CN';
  }
  if (language === 'ru') return 'ru';
  if (language === 'en') return 'en';
  return null;
}
