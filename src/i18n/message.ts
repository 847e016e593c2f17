// The shape of a catalog entry, shared by every locale: plain text with `{name}` placeholders,
// or plural forms chosen by Intl.PluralRules from the `count` parameter.

/** Plural forms by CLDR category; `other` is always present (Chinese needs only it). */
export interface PluralForms {
  readonly one?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

export type Message = string | PluralForms;

/** Values substituted into `{name}` placeholders; numbers are formatted for the locale. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Every text of a message: the string itself, or each of its plural forms. */
export function messageForms(message: Message): string[] {
  if (typeof message === 'string') return [message];
  return [message.one, message.few, message.many, message.other].filter(
    (form): form is string => form !== undefined,
  );
}

/** The placeholder names a text uses, sorted, without repeats. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}
