import { Button, Checkbox, Field, Fieldset, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { ArrowDownIcon, ArrowUpIcon, PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import { FIELD_KINDS, type FieldKind } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import { focusById } from './focus';
import { keyFromTitle, uid, type DraftField, type DraftSection } from './template-draft';

/** One section of the template being edited: title, key, guidance, its fields (add, remove), and move or remove it. */
export function TemplateSectionFieldset({
  section,
  index: i,
  count,
  problemFor,
  setSection,
  setField,
  onMove,
  onRemove,
}: {
  section: DraftSection;
  index: number;
  count: number;
  problemFor: (id: string) => string | undefined;
  setSection: (uid: string, patch: Partial<DraftSection>) => void;
  setField: (sectionUid: string, fieldUid: string, patch: Partial<DraftField>) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset className="template-editor__section">
      <Fieldset.Legend>
        {t('plans.templateEditor.sectionLegend', { n: i + 1, title: section.title || t('plans.templateEditor.untitled') })}
      </Fieldset.Legend>
      <Textfield
        id={`${section.uid}-title`}
        label={t('plans.templateEditor.sectionTitle')}
        value={section.title}
        error={problemFor(`${section.uid}-title`)}
        onChange={(e) =>
          setSection(section.uid, section.isNew ? { title: e.target.value, key: keyFromTitle(e.target.value) } : { title: e.target.value })
        }
      />
      <KeyInput
        id={`${section.uid}-key`}
        value={section.key}
        isNew={section.isNew}
        error={problemFor(`${section.uid}-key`)}
        onChange={(key) => setSection(section.uid, { key })}
      />
      <Textfield
        multiline
        rows={3}
        label={t('plans.templateEditor.guidance')}
        description={t('plans.templateEditor.guidanceHint')}
        value={section.guidance}
        onChange={(e) => setSection(section.uid, { guidance: e.target.value })}
      />
      <Fieldset>
        <Fieldset.Legend>{t('plans.templateEditor.fieldsLegend', { n: i + 1 })}</Fieldset.Legend>
        {section.fields.map((field, j) => {
          const name = t('plans.templateEditor.fieldN', { section: i + 1, n: j + 1 });
          return (
            <div key={field.uid} className="template-editor__field">
              <Textfield
                id={`${field.uid}-label`}
                label={t('plans.templateEditor.fieldLabel', { name })}
                value={field.label}
                error={problemFor(`${field.uid}-label`)}
                onChange={(e) =>
                  setField(
                    section.uid,
                    field.uid,
                    field.isNew ? { label: e.target.value, key: keyFromTitle(e.target.value) } : { label: e.target.value },
                  )
                }
              />
              <Field>
                <Label>{t('plans.templateEditor.fieldKind', { name })}</Label>
                <Select value={field.kind} onChange={(e) => setField(section.uid, field.uid, { kind: e.target.value as FieldKind })}>
                  {FIELD_KINDS.map((k) => (
                    <Select.Option key={k} value={k}>
                      {t(`plans.templates.fieldKinds.${k}`)}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <KeyInput
                id={`${field.uid}-key`}
                value={field.key}
                isNew={field.isNew}
                error={problemFor(`${field.uid}-key`)}
                onChange={(key) => setField(section.uid, field.uid, { key })}
                name={name}
              />
              <Textfield
                label={t('plans.templateEditor.fieldHelp', { name })}
                value={field.help}
                onChange={(e) => setField(section.uid, field.uid, { help: e.target.value })}
              />
              <Checkbox
                label={t('plans.templateEditor.fieldRequired', { name })}
                checked={field.required}
                onChange={(e) => setField(section.uid, field.uid, { required: e.target.checked })}
              />
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                onClick={() => {
                  setSection(section.uid, { fields: section.fields.filter((f) => f.uid !== field.uid) });
                  focusById(`${section.uid}-add-field`, { afterRender: true });
                }}
              >
                <TrashIcon aria-hidden="true" />
                {t('plans.templateEditor.removeField', { name })}
              </Button>
            </div>
          );
        })}
        <div>
          <Button
            id={`${section.uid}-add-field`}
            type="button"
            variant="secondary"
            data-size="sm"
            onClick={() => {
              const field: DraftField = {
                uid: uid('field'),
                isNew: true,
                key: '',
                label: '',
                kind: 'longtext',
                required: false,
                help: '',
              };
              setSection(section.uid, { fields: [...section.fields, field] });
              focusById(`${field.uid}-label`, { afterRender: true });
            }}
          >
            <PlusIcon aria-hidden="true" />
            {t('plans.templateEditor.addField', { n: i + 1 })}
          </Button>
        </div>
      </Fieldset>
      <div className="row-actions">
        <Button id={`${section.uid}-up`} type="button" variant="tertiary" data-size="sm" disabled={i === 0} onClick={() => onMove(-1)}>
          <ArrowUpIcon aria-hidden="true" />
          {t('plans.templateEditor.moveUp', { n: i + 1 })}
        </Button>
        <Button
          id={`${section.uid}-down`}
          type="button"
          variant="tertiary"
          data-size="sm"
          disabled={i === count - 1}
          onClick={() => onMove(1)}
        >
          <ArrowDownIcon aria-hidden="true" />
          {t('plans.templateEditor.moveDown', { n: i + 1 })}
        </Button>
        <Button type="button" variant="tertiary" data-size="sm" data-color="danger" onClick={onRemove}>
          <TrashIcon aria-hidden="true" />
          {t('plans.templateEditor.removeSection', { n: i + 1 })}
        </Button>
      </div>
    </Fieldset>
  );
}

function KeyInput({
  id,
  value,
  isNew,
  error,
  onChange,
  name,
}: {
  id: string;
  value: string;
  isNew: boolean;
  error?: string;
  onChange: (key: string) => void;
  name?: string;
}) {
  const { t } = useTranslation();
  const label = name ? t('plans.templateEditor.fieldKey', { name }) : t('plans.templateEditor.key');
  if (!isNew) {
    return (
      <Paragraph data-size="sm" className="muted">
        {label}: <code>{value}</code>
      </Paragraph>
    );
  }
  return (
    <Textfield
      id={id}
      label={label}
      description={t('plans.templateEditor.keyHint')}
      value={value}
      error={error}
      onChange={(e) => onChange(e.target.value.trim())}
    />
  );
}
