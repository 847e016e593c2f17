// The demo page's catalog as its translated-page tests need it: a locale's text as the page
// shows it, and the English phrases a page in that locale must not show.
import { loadDemoMessages, type DemoCatalog } from '../../fixtures/demo-messages';
import { messageForms } from '../../../src/i18n/message';
import { leftovers } from './english-leftovers';

const catalogs = loadDemoMessages();

/** The Intl tag the page formats with in each locale. */
const INTL_TAGS: Readonly<Record<string, string>> = { en: 'en-US', zh_CN: 'zh-CN', ru: 'ru-RU' };

/** `key` in `locale`, its plural form picked by `count`, `{name}` filled from `params`. */
export function demoText(
  locale: string,
  key: string,
  params: Readonly<Record<string, string>> = {},
  count?: number,
): string {
  const message = catalogs[locale]?.[key];
  if (message === undefined) throw new Error(`the demo catalog has no ${locale} ${key}`);
  const forms: Partial<Record<Intl.LDMLPluralRule, string>> =
    typeof message === 'string' ? { other: message } : message;
  const category =
    count === undefined ? 'other' : new Intl.PluralRules(INTL_TAGS[locale]).select(count);
  const text = forms[category] ?? forms.other ?? '';
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/**
 * Every fixed piece of an English text (between its placeholders and code spans) with a word
 * in it, bar those the locale's own texts use too (`CONNECTING`, `progress`).
 */
export function demoEnglishPhrases(locale: string): string[] {
  const texts = (catalog: DemoCatalog | undefined): string[] =>
    Object.values(catalog ?? {}).flatMap(messageForms);
  const pieces = texts(catalogs.en).flatMap((text) =>
    text.split(/\{\w+\}|`[^`]+`|\*\*[^*]+\*\*/).map((piece) => piece.trim()),
  );
  const phrases = [...new Set(pieces.filter((piece) => /[a-z]{3}/i.test(piece)))];
  const shared = new Set(leftovers(texts(catalogs[locale]).join('\n'), phrases));
  return phrases.filter((phrase) => !shared.has(phrase));
}
