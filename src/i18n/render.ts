// The pure core of translation, shared by the panel's signal-bound `t` and the CLI: picks a
// message's plural form for a count and fills its `{name}` placeholders, numbers formatted for
// the locale. Intl objects are made once per locale, not on every call.
import { INTL_TAGS, type Locale } from './locales';
import type { Message, MessageParams } from './message';

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

/** A number with the locale's digit grouping: `1,048,576`, `1 048 576`. */
export function formatNumberIn(locale: Locale, n: number): string {
  const tag = INTL_TAGS[locale];
  return cached(numberFormats, tag, () => new Intl.NumberFormat(tag)).format(n);
}

/** The message's text for `count` (its `other` form when there is no count). */
export function pickForm(message: Message, locale: Locale, count: number | undefined): string {
  if (typeof message === 'string') return message;
  if (count === undefined) return message.other;
  const tag = INTL_TAGS[locale];
  const category = cached(pluralRules, tag, () => new Intl.PluralRules(tag)).select(count);
  const forms: Partial<Record<Intl.LDMLPluralRule, string>> = message;
  return forms[category] ?? message.other;
}

/** The message in `locale`: its plural form for `params.count`, placeholders filled. */
export function renderMessage(message: Message, locale: Locale, params?: MessageParams): string {
  const count = params?.count;
  const text = pickForm(message, locale, typeof count === 'number' ? count : undefined);
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumberIn(locale, value) : value;
  });
}
