import { useId, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Link,
  List,
  Paragraph,
  Select,
  Textfield,
} from '@digdir/designsystemet-react';
import { ArrowDownIcon, ArrowUpIcon, PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import { FIELD_KINDS, type FieldKind } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { SaveTemplateBody, TemplateVersion } from '../../../api/plan-types';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-error';
import { useSaveTemplate } from '../api/save-template';
import { focusById } from './focus';
import './plans.css';

const KEY = /^[a-z][a-z0-9_]{0,59}$/;

interface DraftField {
  uid: string;
  isNew: boolean;
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  help: string;
}

interface DraftSection {
  uid: string;
  isNew: boolean;
  key: string;
  title: string;
  guidance: string;
  fields: DraftField[];
}

let counter = 0;
const uid = (prefix: string) => `${prefix}-${++counter}`;

/** A key from a title: "2 Mål og aktiviteter" → "mal_og_aktiviteter". */
export function keyFromTitle(title: string): string {
  const base = title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 60);
  return base || 'del';
}

function fromTemplate(template: TemplateVersion): DraftSection[] {
  return template.sections.map((s) => ({
    uid: uid('section'),
    isNew: false,
    key: s.key,
    title: s.title,
    guidance: s.guidance,
    fields: s.fields.map((f) => ({
      uid: uid('field'),
      isNew: false,
      key: f.key,
      label: f.label,
      kind: f.kind,
      required: f.required,
      help: f.help ?? '',
    })),
  }));
}

interface Problem {
  id: string;
  message: string;
}

/**
 * Administrators edit a template and save it as its next version (PUT with the version edited;
 * 409 when someone saved a newer one). Keys of existing sections and fields stay, so plans written
 * from older versions keep their answers.
 */
export function TemplateEditor({
  template,
  onSaved,
  onReload,
}: {
  template: TemplateVersion;
  onSaved: (saved: TemplateVersion) => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(template.title);
  const [description, setDescription] = useState(template.description);
  const [sections, setSections] = useState<DraftSection[]>(() => fromTemplate(template));
  const [problems, setProblems] = useState<Problem[]>([]);
  const problemsRef = useRef<HTMLDivElement>(null);
  const problemsId = useId();
  const save = useSaveTemplate(template.key, { onSuccess: onSaved });
  const conflict = isApiError(save.error, 'VERSION_CONFLICT');

  const setSection = (u: string, patch: Partial<DraftSection>) =>
    setSections((ss) => ss.map((s) => (s.uid === u ? { ...s, ...patch } : s)));
  const setField = (su: string, fu: string, patch: Partial<DraftField>) =>
    setSections((ss) => ss.map((s) => (s.uid === su ? { ...s, fields: s.fields.map((f) => (f.uid === fu ? { ...f, ...patch } : f)) } : s)));

  function moveSection(index: number, delta: number) {
    const target = index + delta;
    if (target < 0 || target >= sections.length) return;
    const next = [...sections];
    [next[index], next[target]] = [next[target], next[index]];
    setSections(next);
    focusById(`${next[target].uid}-${delta < 0 ? 'up' : 'down'}`, { afterRender: true });
  }

  function validate(): Problem[] {
    const found: Problem[] = [];
    if (!title.trim()) found.push({ id: 'template-title', message: t('plans.templateEditor.invalid.title') });
    const sectionKeys = new Set<string>();
    sections.forEach((s, i) => {
      const n = i + 1;
      if (!s.title.trim()) found.push({ id: `${s.uid}-title`, message: t('plans.templateEditor.invalid.sectionTitle', { n }) });
      if (!KEY.test(s.key))
        found.push({
          id: `${s.uid}-key`,
          message: t('plans.templateEditor.invalid.key', { name: t('plans.templateEditor.sectionN', { n }) }),
        });
      else if (sectionKeys.has(s.key))
        found.push({ id: `${s.uid}-key`, message: t('plans.templateEditor.invalid.duplicateKey', { key: s.key }) });
      sectionKeys.add(s.key);
      if (s.fields.length === 0) found.push({ id: `${s.uid}-add-field`, message: t('plans.templateEditor.invalid.noFields', { n }) });
      const fieldKeys = new Set<string>();
      s.fields.forEach((f, j) => {
        const name = t('plans.templateEditor.fieldN', { section: n, n: j + 1 });
        if (!f.label.trim()) found.push({ id: `${f.uid}-label`, message: t('plans.templateEditor.invalid.label', { name }) });
        if (!KEY.test(f.key)) found.push({ id: `${f.uid}-key`, message: t('plans.templateEditor.invalid.key', { name }) });
        else if (fieldKeys.has(f.key))
          found.push({ id: `${f.uid}-key`, message: t('plans.templateEditor.invalid.duplicateKey', { key: f.key }) });
        fieldKeys.add(f.key);
      });
    });
    if (sections.length === 0) found.push({ id: 'template-add-section', message: t('plans.templateEditor.invalid.noSections') });
    return found;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    setProblems(found);
    if (found.length > 0) {
      requestAnimationFrame(() => problemsRef.current?.focus());
      return;
    }
    const body: SaveTemplateBody = {
      title: title.trim(),
      description: description.trim(),
      basedOnVersion: template.version,
      sections: sections.map((s) => ({
        key: s.key,
        title: s.title.trim(),
        guidance: s.guidance.trim(),
        fields: s.fields.map((f) => ({
          key: f.key,
          label: f.label.trim(),
          kind: f.kind,
          required: f.required,
          ...(f.help.trim() ? { help: f.help.trim() } : {}),
        })),
      })),
    };
    save.mutate(body);
  }

  const problemFor = (id: string) => problems.find((p) => p.id === id)?.message;

  return (
    <form className="form" onSubmit={submit} noValidate>
      {problems.length > 0 && (
        <Alert data-color="danger" ref={problemsRef} tabIndex={-1} aria-labelledby={problemsId}>
          <Heading level={2} data-size="xs" id={problemsId}>
            {t('plans.templateEditor.problemsHeading')}
          </Heading>
          <List.Unordered>
            {problems.map((p) => (
              <List.Item key={`${p.id}-${p.message}`}>
                <Link
                  href={`#${p.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusById(p.id);
                  }}
                >
                  {p.message}
                </Link>
              </List.Item>
            ))}
          </List.Unordered>
        </Alert>
      )}
      <Textfield
        id="template-title"
        label={t('plans.templateEditor.title')}
        value={title}
        error={problemFor('template-title')}
        onChange={(e) => setTitle(e.target.value)}
      />
      <Textfield
        multiline
        rows={3}
        label={t('plans.templateEditor.description')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />

      {sections.map((section, i) => (
        <Fieldset key={section.uid} className="template-editor__section">
          <Fieldset.Legend>
            {t('plans.templateEditor.sectionLegend', { n: i + 1, title: section.title || t('plans.templateEditor.untitled') })}
          </Fieldset.Legend>
          <Textfield
            id={`${section.uid}-title`}
            label={t('plans.templateEditor.sectionTitle')}
            value={section.title}
            error={problemFor(`${section.uid}-title`)}
            onChange={(e) =>
              setSection(
                section.uid,
                section.isNew ? { title: e.target.value, key: keyFromTitle(e.target.value) } : { title: e.target.value },
              )
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
            <Button
              id={`${section.uid}-up`}
              type="button"
              variant="tertiary"
              data-size="sm"
              disabled={i === 0}
              onClick={() => moveSection(i, -1)}
            >
              <ArrowUpIcon aria-hidden="true" />
              {t('plans.templateEditor.moveUp', { n: i + 1 })}
            </Button>
            <Button
              id={`${section.uid}-down`}
              type="button"
              variant="tertiary"
              data-size="sm"
              disabled={i === sections.length - 1}
              onClick={() => moveSection(i, 1)}
            >
              <ArrowDownIcon aria-hidden="true" />
              {t('plans.templateEditor.moveDown', { n: i + 1 })}
            </Button>
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              data-color="danger"
              onClick={() => {
                setSections((ss) => ss.filter((s) => s.uid !== section.uid));
                focusById('template-add-section', { afterRender: true });
              }}
            >
              <TrashIcon aria-hidden="true" />
              {t('plans.templateEditor.removeSection', { n: i + 1 })}
            </Button>
          </div>
        </Fieldset>
      ))}
      <div>
        <Button
          id="template-add-section"
          type="button"
          variant="secondary"
          onClick={() => {
            const section: DraftSection = {
              uid: uid('section'),
              isNew: true,
              key: '',
              title: '',
              guidance: '',
              fields: [
                {
                  uid: uid('field'),
                  isNew: true,
                  key: 'notes',
                  label: t('plans.templateEditor.defaultFieldLabel'),
                  kind: 'longtext',
                  required: false,
                  help: '',
                },
              ],
            };
            setSections((ss) => [...ss, section]);
            focusById(`${section.uid}-title`, { afterRender: true });
          }}
        >
          <PlusIcon aria-hidden="true" />
          {t('plans.templateEditor.addSection')}
        </Button>
      </div>

      {conflict ? (
        <Alert data-color="danger" role="alert">
          <Heading level={2} data-size="xs">
            {t('plans.templateEditor.conflictTitle')}
          </Heading>
          <Paragraph>{t('plans.templateEditor.conflictBody')}</Paragraph>
          <Button type="button" variant="secondary" onClick={() => void onReload()}>
            {t('plans.templateEditor.reload')}
          </Button>
        </Alert>
      ) : save.error ? (
        <ErrorAlert
          error={save.error}
          details={isApiError(save.error) ? save.error.fieldErrors.flatMap((f) => f.messages.map((m) => `${f.field}: ${m}`)) : []}
        />
      ) : null}
      <div className="form__actions">
        <Button type="submit" loading={save.isPending} disabled={save.isPending}>
          {t('plans.templateEditor.save', { version: template.version + 1 })}
        </Button>
      </div>
    </form>
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
