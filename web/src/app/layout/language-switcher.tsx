import { useEffect, useId } from 'react';
import { Label, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { accountLanguage, useSetMyLanguage } from '../../features/users/api/set-my-language';
import { useMe } from '../../lib/auth';
import { changeLanguage, isLanguage, LANGUAGES } from '../../lib/i18n';

/**
 * Chooses bokmål, nynorsk or English; i18n stores the choice in the browser and sets <html lang>. Signed
 * in, the choice is also the account's (their e-mails are written in it), and on sign-in the app takes
 * the language stored with the account.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'nb';
  const me = useMe().data;
  const stored = accountLanguage(me);
  const save = useSetMyLanguage();
  const id = useId();

  // When a session arrives (sign-in, or a reload while signed in), its language wins over the browser's.
  useEffect(() => {
    if (stored) void changeLanguage(stored);
  }, [stored]);

  const choose = (language: string) => {
    if (!isLanguage(language)) return;
    // The words of the language (and of the features on screen) first, then the switch: no keys in between.
    void changeLanguage(language);
    // The choice holds in this browser even if it cannot be saved; the next sign-in shows the stored one.
    if (me && language !== stored) save.mutate(language);
  };

  // Field's markup without Field: that component imports Designsystemet's web components (about 30 kB
  // gzipped) into every page's first load; main.tsx fetches them once the first page is on screen.
  return (
    <div className="ds-field language-switcher" data-size="sm">
      <Label htmlFor={id}>{t('layout.language')}</Label>
      <Select id={id} width="auto" value={current} onChange={(event) => choose(event.target.value)}>
        {LANGUAGES.map((language) => (
          <Select.Option key={language} value={language} lang={language}>
            {t(`layout.languages.${language}`)}
          </Select.Option>
        ))}
      </Select>
    </div>
  );
}
