import { useId, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Link, List, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { PlusIcon } from '@navikt/aksel-icons';
import { useTranslation } from 'react-i18next';
import type { SaveTemplateBody, TemplateVersion } from '../../../api/plan-types';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-error';
import { useSaveTemplate } from '../api/save-template';
import { focusById } from './focus';
import { fromTemplate, KEY, uid, type DraftField, type DraftSection, type Problem } from './template-draft';
import { TemplateSectionFieldset } from './template-section-fieldset';
import './plans.css';

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
        <TemplateSectionFieldset
          key={section.uid}
          section={section}
          index={i}
          count={sections.length}
          problemFor={problemFor}
          setSection={setSection}
          setField={setField}
          onMove={(delta) => moveSection(i, delta)}
          onRemove={() => {
            setSections((ss) => ss.filter((s) => s.uid !== section.uid));
            focusById('template-add-section', { afterRender: true });
          }}
        />
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
