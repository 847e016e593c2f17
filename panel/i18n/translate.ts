// Looks a key up in the active locale's catalog and fills its placeholders. English is the
// reference catalog: its keys type every call, and the other catalogs must have them all.
import { en, type MessageKey } from './en';
import { activeLocale, INTL_TAGS, type Locale } from './locale';
import type { Message, MessageParams } from './message';
import { ru } from './ru';
import { zhCN } from './zh-cn';

export type { MessageKey } from './en';

export const CATALOGS: Readonly<Record<Locale, Readonly<Record<MessageKey, Message>>>> = {
  en,
  zh_CN: zhCN,
  ru,
};

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function cached<T>(map: Map<string, T>, tag: string, make: () => T): T {
  let value = map.get(tag);
  if (value === undefined) {
    value = make();
    map.set(tag, value);
  }
  return value;
}

/** The active locale's Intl tag; reading it subscribes the rendering component. */
export function intlTag(): string {
  return INTL_TAGS[activeLocale.value];
}

/** A number with the active locale's digit grouping: `1,048,576`, `1 048 576`. */
export function formatNumber(n: number): string {
  const tag = intlTag();
  return cached(numberFormats, tag, () => new Intl.NumberFormat(tag)).format(n);
}

function pick(message: Message, tag: string, count: number | undefined): string {
  if (typeof message === 'string') return message;
  if (count === undefined) return message.other;
  const category = cached(pluralRules, tag, () => new Intl.PluralRules(tag)).select(count);
  const forms: Partial<Record<Intl.LDMLPluralRule, string>> = message;
  return forms[category] ?? message.other;
}

/** The text for `key` in the active locale, `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params?: MessageParams): string {
  const tag = intlTag();
  const count = params?.count;
  const text = pick(
    CATALOGS[activeLocale.value][key],
    tag,
    typeof count === 'number' ? count : undefined,
  );
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}
