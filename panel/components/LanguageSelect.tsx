// The panel's language menu, in the settings popover: the browser's language (the default) or
// one of ours, applied at once and remembered in the panel page's localStorage.
import { chooseLocale, isLocale, LOCALE_KEY, LOCALE_NAMES, LOCALES } from '../i18n/locale';
import { t } from '../i18n/translate';

const FOLLOW_BROWSER = '';

export function LanguageSelect({ storage }: { storage: Storage | null }) {
  const chosen = storage?.getItem(LOCALE_KEY);
  return (
    <label class="settings-language">
      {t('settings.language')}
      <select
        data-testid="language-select"
        value={isLocale(chosen) ? chosen : FOLLOW_BROWSER}
        onChange={(e) => {
          const value = e.currentTarget.value;
          chooseLocale(storage, isLocale(value) ? value : null);
        }}
      >
        <option value={FOLLOW_BROWSER}>{t('settings.browserLanguage')}</option>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale.replace('_', '-')}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
    </label>
  );
}
