// Looks a key up in the active locale's catalog and fills its placeholders. English is the
// reference catalog: its keys type every call, and the other catalogs must have them all.
// Messages src/ makes (import errors, protocol sources…) come keyed and render with `say`.
import type { Message, MessageParams } from '../../src/i18n/message';
import { formatNumberIn, renderMessage } from '../../src/i18n/render';
import { sharedText, type SharedMessage } from '../../src/i18n/shared';
import { readFrameNote } from '../../src/sse/frame-notes';
import { en, type MessageKey } from './en';
import { activeLocale, INTL_TAGS, type Locale } from './locale';
import { ru } from './ru';
import { zhCN } from './zh-cn';

export type { MessageKey } from './en';

export const CATALOGS: Readonly<Record<Locale, Readonly<Record<MessageKey, Message>>>> = {
  en,
  zh_CN: zhCN,
  ru,
};

/** The active locale's Intl tag; reading it subscribes the rendering component. */
export function intlTag(): string {
  return INTL_TAGS[activeLocale.value];
}

/** A number with the active locale's digit grouping: `1,048,576`, `1 048 576`. */
export function formatNumber(n: number): string {
  return formatNumberIn(activeLocale.value, n);
}

/** The text for `key` in the active locale, `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params?: MessageParams): string {
  const locale = activeLocale.value;
  return renderMessage(CATALOGS[locale][key], locale, params);
}

/** A message made in src/ (a key of the shared catalog and its parameters), in the active locale. */
export function say(message: SharedMessage): string {
  return sharedText(message, activeLocale.value);
}

/**
 * A frame's note in the active locale. Notes are English in records and exports; the parts
 * the decoders write are read back and translated, anything else is shown as it is.
 */
export function sayNote(note: string): string {
  const locale = activeLocale.value;
  if (locale === 'en') return note;
  return readFrameNote(note)
    .map((part) => (typeof part === 'string' ? part : sharedText(part, locale)))
    .join('; ');
}
