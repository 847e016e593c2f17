// Which language the panel speaks: the browser's UI language unless the user chose one in the
// panel's settings (remembered in the panel page's localStorage), English when neither is
// one of ours. A signal, so every component that translated a text re-renders on a change.
import { signal } from '@preact/signals';
import { isLocale, matchLocale, type Locale } from '../../src/i18n/locales';

export { INTL_TAGS, isLocale, LOCALE_NAMES, LOCALES, matchLocale } from '../../src/i18n/locales';
export type { Locale } from '../../src/i18n/locales';

export const LOCALE_KEY = 'sse-lens.locale';

export const activeLocale = signal<Locale>('en');

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
