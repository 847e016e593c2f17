// The CLI's words in the user's language, chosen as Unix tools choose: an explicit --lang, else
// LC_ALL, then LC_MESSAGES, then LANG (the first one set decides; C, POSIX or a language we do
// not have means English). Messages travel as a key and parameters (an import error inside one
// as the shared catalog's message) and are worded only when printed.
import { INTL_TAGS, isLocale, matchLocale, type Locale } from '../i18n/locales';
import type { Message } from '../i18n/message';
import { renderMessage } from '../i18n/render';
import { sharedText, type SharedMessage } from '../i18n/shared';
import { cliEn, type CliKey } from './i18n/cli-en';
import { cliRu } from './i18n/cli-ru';
import { cliZhCN } from './i18n/cli-zh-cn';

export type { CliKey } from './i18n/cli-en';

export const CLI_CATALOGS: Readonly<Record<Locale, Readonly<Record<CliKey, Message>>>> = {
  en: cliEn,
  zh_CN: cliZhCN,
  ru: cliRu,
};

export type CliParams = Readonly<Record<string, string | number | SharedMessage>>;

export interface CliMessage {
  readonly key: CliKey;
  readonly params?: CliParams;
}

export function cliMessage(key: CliKey, params?: CliParams): CliMessage {
  return params === undefined ? { key } : { key, params };
}

/** The message's text in `locale`; an import error among its parameters is worded too. */
export function cliText(message: CliMessage, locale: Locale = 'en'): string {
  const flat: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    flat[name] = typeof value === 'object' ? sharedText(value, locale) : value;
  }
  return renderMessage(CLI_CATALOGS[locale][message.key], locale, flat);
}

/** Our locale for a --lang value (`ru`, `zh_CN`, `zh-CN`, `en_GB.UTF-8`), if it names one. */
export function lookupLocale(value: string): Locale | null {
  return isLocale(value) ? value : matchLocale(value);
}

/** The locale the environment asks for, by POSIX precedence; English when it names none of ours. */
export function environmentLocale(env: Readonly<Record<string, string | undefined>>): Locale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return matchLocale(value) ?? 'en';
  }
  return 'en';
}

const decimalFormats = new Map<Locale, Intl.NumberFormat>();

/** A number as typed (`0.5`, `2`, `1250`), with the locale's decimal separator. */
export function formatDecimal(locale: Locale, n: number): string {
  let format = decimalFormats.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(INTL_TAGS[locale], {
      maximumSignificantDigits: 15,
      useGrouping: false,
    });
    decimalFormats.set(locale, format);
  }
  return format.format(n);
}
