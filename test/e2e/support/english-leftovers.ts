// Finds English words of the panel's catalog in a translated panel: every fixed piece of an
// English message (the text between its placeholders) that is long enough to be a phrase.
import { en, type MessageKey } from '../../../panel/i18n/en';
import { messageForms } from '../../../src/i18n/message';

/** The English pieces of the messages whose keys start with one of `prefixes`. */
export function englishPhrases(
  prefixes: readonly string[],
  except: readonly MessageKey[],
): string[] {
  const keys = (Object.keys(en) as MessageKey[]).filter(
    (key) => prefixes.some((p) => key.startsWith(p)) && !except.includes(key),
  );
  const pieces = keys.flatMap((key) =>
    messageForms(en[key]).flatMap((form) => form.split(/\{\w+\}/).map((s) => s.trim())),
  );
  return [...new Set(pieces.filter((s) => s.length >= 5 && /[a-z]{3}/i.test(s)))];
}

/** The phrases of `phrases` that occur in `text` as words (`State` is not in `readyState`). */
export function leftovers(text: string, phrases: readonly string[]): string[] {
  return phrases.filter((phrase) => {
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![A-Za-z])${escaped}(?![A-Za-z])`).test(text);
  });
}
