// The locale check, over every catalog: the panel's, the shared one of messages src/ makes for
// the panel and the CLI (import errors, protocol sources…), and the CLI's. Every catalog has
// exactly the English keys, every key is used somewhere in its source, no translation is left
// in English (bar a short list of words that are the same in every language), and no
// translation drops or adds a placeholder. The same for the extension's _locales/ messages,
// and for the demo page's catalog. Prints the figures.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_CATALOGS } from '../../src/cli/cli-text';
import { LOCALES, type Locale } from '../../src/i18n/locales';
import { messageForms, placeholders, type Message } from '../../src/i18n/message';
import { SHARED_CATALOGS } from '../../src/i18n/shared';
import { CATALOGS } from '../../panel/i18n/translate';
import { loadDemoMessages } from '../fixtures/demo-messages';

const root = resolve(import.meta.dirname, '../..');

type Catalog = Readonly<Record<string, Message>>;

interface CatalogSet {
  name: string;
  catalogs: Readonly<Record<Locale, Catalog>>;
  /** Where its keys are used: these folders' sources, i18n folders left out. */
  sources: readonly string[];
  /** Keys whose text is legitimately the same as English in the named locales. */
  sameAsEnglish: Readonly<Partial<Record<Locale, readonly string[]>>>;
}

const SETS: readonly CatalogSet[] = [
  {
    name: 'panel',
    catalogs: CATALOGS,
    sources: ['panel'],
    sameAsEnglish: {
      zh_CN: ['unit.kb', 'unit.mb', 'unit.gb', 'tl.retry'],
      ru: [
        'budget.queuedSources',
        'budget.summaryProblems',
        'tl.retry',
        'tl.tipId',
        'tl.frameId',
        'conv.toolId',
      ],
    },
  },
  { name: 'shared', catalogs: SHARED_CATALOGS, sources: ['src', 'panel'], sameAsEnglish: {} },
  { name: 'cli', catalogs: CLI_CATALOGS, sources: ['src/cli'], sameAsEnglish: {} },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.endsWith('i18n') ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const others = LOCALES.filter((locale) => locale !== 'en');

describe.each(SETS)('locale check of the $name catalog', (set) => {
  const en = set.catalogs.en;
  const englishKeys = Object.keys(en).sort();
  const english = (key: string): Set<string> => new Set(messageForms(en[key] ?? ''));

  it('prints the figures', () => {
    for (const locale of LOCALES) {
      const exempt = set.sameAsEnglish[locale]?.length ?? 0;
      console.log(
        `${set.name} ${locale}: ${Object.keys(set.catalogs[locale]).length} keys` +
          (locale === 'en' ? ' (reference)' : `, ${exempt} exempt as the same as English`),
      );
    }
    expect(englishKeys.length).toBeGreaterThan(0);
  });

  it.each(others)('%s has every English key and no other', (locale) => {
    expect(Object.keys(set.catalogs[locale]).sort()).toEqual(englishKeys);
  });

  it.each(others)('%s leaves nothing in English but its exemptions', (locale) => {
    const catalog = set.catalogs[locale];
    const exempt = new Set<string>(set.sameAsEnglish[locale] ?? []);
    const untranslated = englishKeys.filter((key) => {
      const forms = messageForms(catalog[key] ?? '');
      return !exempt.has(key) && forms.some((form) => english(key).has(form));
    });
    expect(untranslated).toEqual([]);
    const stale = [...exempt].filter(
      (key) => !messageForms(catalog[key] ?? '').some((form) => english(key).has(form)),
    );
    expect(stale, 'exempt keys that are in fact translated').toEqual([]);
  });

  it.each(others)('%s keeps every placeholder of each English text', (locale) => {
    const catalog = set.catalogs[locale];
    const mismatched = englishKeys.filter((key) => {
      const wanted = JSON.stringify(placeholders(messageForms(en[key] ?? '').join(' ')));
      return messageForms(catalog[key] ?? '').some(
        (form) => JSON.stringify(placeholders(form)) !== wanted,
      );
    });
    expect(mismatched).toEqual([]);
  });

  it(`uses every key in ${set.sources.join(' and ')}`, () => {
    const source = set.sources
      .flatMap((dir) => sourceFiles(join(root, dir)))
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    const unused = englishKeys.filter((key) => !source.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});

describe('locale check of the manifest', () => {
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

describe('locale check across catalogs', () => {
  it('gives no key two meanings: the shared keys are neither panel nor CLI keys', () => {
    const shared = Object.keys(SHARED_CATALOGS.en);
    const elsewhere = new Set([...Object.keys(CATALOGS.en), ...Object.keys(CLI_CATALOGS.en)]);
    expect(shared.filter((key) => elsewhere.has(key))).toEqual([]);
  });
});

describe('locale check: the demo page', () => {
  const demo = loadDemoMessages();
  const english = demo.en ?? {};
  const demoKeys = Object.keys(english).sort();
  const demoOthers = Object.keys(demo).filter((locale) => locale !== 'en');
  /** Texts the same as English on purpose: Russian lists numbers with a comma too. */
  const DEMO_SAME_AS_ENGLISH: Readonly<Record<string, readonly string[]>> = {
    ru: ['list.separator'],
  };
  /** The placeholders, code spans and bold words of a text. */
  const fixedParts = (text: string): string =>
    JSON.stringify([
      placeholders(text),
      [...new Set([...text.matchAll(/`[^`]+`|\*\*[^*]+\*\*/g)].map((m) => m[0]))].sort(),
    ]);

  it('prints the figures', () => {
    for (const [locale, catalog] of Object.entries(demo)) {
      const exempt = DEMO_SAME_AS_ENGLISH[locale]?.length ?? 0;
      console.log(
        `demo ${locale}: ${Object.keys(catalog).length} keys` +
          (locale === 'en' ? ' (reference)' : `, ${exempt} exempt as the same as English`),
      );
    }
    expect(Object.keys(demo).sort()).toEqual([...LOCALES].sort());
    expect(demoKeys.length).toBeGreaterThan(0);
  });

  it('uses every key on the page, and no key the catalog lacks', () => {
    const page = readFileSync(join(root, 'test/fixtures/pages/demo.html'), 'utf8');
    // Keys in data-i18n attributes, and quoted strings in the script shaped like a key of one
    // of the catalog's namespaces.
    const namespaces = [...new Set(demoKeys.map((key) => key.split('.')[0]))].join('|');
    const keyPattern = new RegExp(
      `data-i18n(?:-label)?="([\\w.]+)"|'((?:${namespaces})(?:\\.[A-Za-z]+)+)'`,
      'g',
    );
    const used = new Set([...page.matchAll(keyPattern)].map((m) => m[1] ?? m[2] ?? ''));
    expect(
      demoKeys.filter((key) => !used.has(key)),
      'unused',
    ).toEqual([]);
    expect(
      [...used].filter((key) => !(key in english)),
      'missing',
    ).toEqual([]);
  });

  it.each(demoOthers)('%s has every English key and no other', (locale) => {
    expect(Object.keys(demo[locale] ?? {}).sort()).toEqual(demoKeys);
  });

  it.each(demoOthers)('%s leaves nothing in English but its exemptions', (locale) => {
    const catalog = demo[locale] ?? {};
    const exempt = new Set(DEMO_SAME_AS_ENGLISH[locale] ?? []);
    const sameAsEnglish = (key: string): boolean => {
      const forms = new Set(messageForms(english[key] ?? ''));
      return messageForms(catalog[key] ?? '').some((form) => forms.has(form));
    };
    expect(demoKeys.filter((key) => !exempt.has(key) && sameAsEnglish(key))).toEqual([]);
    expect(
      [...exempt].filter((key) => !sameAsEnglish(key)),
      'exempt keys that are in fact translated',
    ).toEqual([]);
  });

  it.each(demoOthers)('%s keeps every placeholder and code span of each English text', (locale) => {
    const catalog = demo[locale] ?? {};
    const mismatched = demoKeys.filter((key) => {
      const wanted = fixedParts(messageForms(english[key] ?? '').join(' '));
      return messageForms(catalog[key] ?? '').some((form) => fixedParts(form) !== wanted);
    });
    expect(mismatched).toEqual([]);
  });
});
