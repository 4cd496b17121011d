import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES } from '../../lib/i18n';

/** Chooses bokmål, nynorsk or English; i18n stores the choice and sets <html lang>. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'nb';
  return (
    <Field className="language-switcher" data-size="sm">
      <Label>{t('layout.language')}</Label>
      <Select width="auto" value={current} onChange={(event) => void i18n.changeLanguage(event.target.value)}>
        {LANGUAGES.map((language) => (
          <Select.Option key={language} value={language} lang={language}>
            {t(`layout.languages.${language}`)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
