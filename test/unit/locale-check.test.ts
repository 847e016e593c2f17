// The locale check: every catalog has exactly the English keys, every key is used somewhere in
// the panel's source, no translation is left in English (bar a short list of words that are
// the same in every language), and no translation drops or adds a placeholder. The same for
// the extension's _locales/ messages. Prints the figures.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../../panel/i18n/en';
import { LOCALES } from '../../panel/i18n/locale';
import { messageForms, placeholders, type Message } from '../../src/i18n/message';
import { CATALOGS } from '../../panel/i18n/translate';

const root = resolve(import.meta.dirname, '../..');

/** Keys whose text is legitimately the same as English in the named locales. */
const SAME_AS_ENGLISH: Readonly<Record<string, readonly MessageKey[]>> = {
  zh_CN: ['unit.kb', 'unit.mb', 'unit.gb', 'tl.retry'],
  ru: [
    'budget.queuedSources',
    'budget.summaryProblems',
    'tl.retry',
    'tl.tipId',
    'tl.frameId',
    'conv.toolId',
  ],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.endsWith('i18n') ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const englishKeys = Object.keys(en).sort();
const others = LOCALES.filter((locale) => locale !== 'en');

describe('locale check', () => {
  it('prints the figures', () => {
    for (const locale of LOCALES) {
      const exempt = SAME_AS_ENGLISH[locale]?.length ?? 0;
      console.log(
        `${locale}: ${Object.keys(CATALOGS[locale]).length} keys` +
          (locale === 'en' ? ' (reference)' : `, ${exempt} exempt as the same as English`),
      );
    }
    expect(englishKeys.length).toBeGreaterThan(0);
  });

  it.each(others)('%s has every English key and no other', (locale) => {
    expect(Object.keys(CATALOGS[locale]).sort()).toEqual(englishKeys);
  });

  it.each(others)('%s leaves nothing in English but its exemptions', (locale) => {
    const catalog: Readonly<Record<string, Message>> = CATALOGS[locale];
    const exempt = new Set<string>(SAME_AS_ENGLISH[locale] ?? []);
    const untranslated = englishKeys.filter((key) => {
      const english = new Set(messageForms(en[key as MessageKey]));
      const forms = messageForms(catalog[key] ?? '');
      return !exempt.has(key) && forms.some((form) => english.has(form));
    });
    expect(untranslated).toEqual([]);
    const stale = [...exempt].filter((key) => {
      const english = new Set(messageForms(en[key as MessageKey]));
      return !messageForms(catalog[key] ?? '').some((form) => english.has(form));
    });
    expect(stale, 'exempt keys that are in fact translated').toEqual([]);
  });

  it.each(others)('%s keeps every placeholder of each English text', (locale) => {
    const catalog: Readonly<Record<string, Message>> = CATALOGS[locale];
    const mismatched = englishKeys.filter((key) => {
      const wanted = JSON.stringify(placeholders(messageForms(en[key as MessageKey]).join(' ')));
      return messageForms(catalog[key] ?? '').some(
        (form) => JSON.stringify(placeholders(form)) !== wanted,
      );
    });
    expect(mismatched).toEqual([]);
  });

  it('uses every key in the panel source', () => {
    const source = sourceFiles(join(root, 'panel'))
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    const unused = englishKeys.filter((key) => !source.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });

  it('gives the manifest messages in every locale, placeholders and all', () => {
    const read = (locale: string): Record<string, { message: string }> =>
      JSON.parse(
        readFileSync(join(root, 'extension/public/_locales', locale, 'messages.json'), 'utf8'),
      ) as Record<string, { message: string }>;
    const english = read('en');
    const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');
    const used = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);
    expect(used.filter((key) => key !== undefined && !(key in english))).toEqual([]);
    for (const locale of others) {
      const messages = read(locale);
      expect(Object.keys(messages).sort(), locale).toEqual(Object.keys(english).sort());
    }
    // The description is the only manifest text that is not a name.
    for (const locale of others) {
      expect(read(locale).extDescription?.message).not.toBe(english.extDescription?.message);
    }
  });
});
