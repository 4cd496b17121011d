import type { Ref } from 'react';
import { Checkbox, Fieldset, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

export interface KommuneOption {
  id: string;
  number: string;
  name: string;
}

/** Participating kommuner as checkboxes: the region's current members. */
export function KommunerFieldset({
  id,
  options,
  selected,
  onChange,
  error,
  ref,
}: {
  id?: string;
  /** Lets a form focus the group (e.g. react-hook-form on an error). */
  ref?: Ref<HTMLFieldSetElement>;
  options: KommuneOption[];
  selected: string[];
  onChange: (selected: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const sorted = [...options].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  return (
    <Fieldset id={id} ref={ref} tabIndex={-1}>
      <Fieldset.Legend>{t('projects.form.kommuner')}</Fieldset.Legend>
      <Fieldset.Description>{t('projects.form.kommunerHint')}</Fieldset.Description>
      {sorted.length === 0 && <Paragraph data-size="sm">{t('projects.form.noKommuner')}</Paragraph>}
      {sorted.map((k) => (
        <Checkbox
          key={k.id}
          label={t('projects.form.kommuneOption', { name: k.name, number: k.number })}
          value={k.id}
          checked={selected.includes(k.id)}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.checked ? [...selected, k.id] : selected.filter((x) => x !== k.id))}
        />
      ))}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}
