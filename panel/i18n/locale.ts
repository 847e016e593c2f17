// Which language the panel speaks: the browser's UI language unless the user chose one in the
// panel's settings (remembered in the panel page's localStorage), English when neither is
// one of ours. A signal, so every component that translated a text re-renders on a change.
import { signal } from '@preact/signals';

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

export const LOCALE_KEY = 'sse-lens.locale';

export const activeLocale = signal<Locale>('en');

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Our locale for a browser language tag (`zh-CN`, `zh-Hans-SG`, `ru-RU`, `en-GB`), if any. */
export function matchLocale(tag: string): Locale | null {
  const lower = tag.toLowerCase().replace(/_/g, '-');
  const language = lower.split('-')[0];
  if (language === 'zh') return /-(tw|hk|mo|hant)\b/.test(lower) ? null : 'zh_CN';
  if (language === 'ru') return 'ru';
  if (language === 'en') return 'en';
  return null;
}

/** The browser's UI language, as the extension API reports it, else the page's. */
export function browserLanguage(): string {
  const api = (globalThis as { chrome?: { i18n?: { getUILanguage?: () => string } } }).chrome;
  const ui = api?.i18n?.getUILanguage?.();
  if (typeof ui === 'string' && ui !== '') return ui;
  return typeof navigator === 'undefined' ? 'en' : navigator.language;
}

/** The remembered choice, else the browser's language, else English. */
export function initialLocale(storage: Storage | null, language: string): Locale {
  const chosen = storage?.getItem(LOCALE_KEY);
  if (isLocale(chosen)) return chosen;
  return matchLocale(language) ?? 'en';
}

/** Switches the panel's language; `null` follows the browser again. */
export function chooseLocale(storage: Storage | null, locale: Locale | null): void {
  if (locale === null) storage?.removeItem(LOCALE_KEY);
  else storage?.setItem(LOCALE_KEY, locale);
  activeLocale.value = locale ?? matchLocale(browserLanguage()) ?? 'en';
}
