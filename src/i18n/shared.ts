// What src/ hands the panel and the CLI instead of English prose: a key of the shared catalog
// and its parameters, which may themselves be such messages (an import error's "expected …"
// part). Each side renders it in its own language; `sharedText` renders it, English by default.
import type { Locale } from './locales';
import type { Message } from './message';
import { renderMessage } from './render';
import { sharedEn, type SharedKey } from './shared-en';
import { sharedRu } from './shared-ru';
import { sharedZhCN } from './shared-zh-cn';

export type { SharedKey } from './shared-en';

export interface SharedMessage {
  readonly key: SharedKey;
  readonly params?: SharedParams;
}

export type SharedParams = Readonly<Record<string, string | number | SharedMessage>>;

export const SHARED_CATALOGS: Readonly<Record<Locale, Readonly<Record<SharedKey, Message>>>> = {
  en: sharedEn,
  zh_CN: sharedZhCN,
  ru: sharedRu,
};

/** A shared message; `key` and `params` read as one value where one is built. */
export function said(key: SharedKey, params?: SharedParams): SharedMessage {
  return params === undefined ? { key } : { key, params };
}

/**
 * The message's text in `locale`, nested messages rendered first. A key this build does not
 * know (a message from another version of the extension) is shown as the key itself.
 */
export function sharedText(message: SharedMessage, locale: Locale = 'en'): string {
  const catalog: Readonly<Partial<Record<string, Message>>> = SHARED_CATALOGS[locale];
  const text = catalog[message.key] ?? message.key;
  const flat: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    flat[name] = typeof value === 'object' ? sharedText(value, locale) : value;
  }
  return renderMessage(text, locale, flat);
}
