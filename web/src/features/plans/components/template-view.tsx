import { useId } from 'react';
import { Button, Card, Field, Heading, Label, List, Paragraph, Select, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TemplateVersion } from '../../../api/plan-types';
import { useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import './plans.css';
import { defaultFor, type TemplateDefault } from '@nvr/shared';
import { useTemplateText } from '../../../lib/template-text';

/** One version of a template: its sections with guidance and fields, a version chooser, and "Endre mal" for administrators. */
export function TemplateView({
  versions,
  shown,
  onChooseVersion,
  canEdit,
}: {
  versions: TemplateVersion[];
  shown: TemplateVersion;
  onChooseVersion: (version: number) => void;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const catalogue = useCatalogue();
  const sectionsId = useId();
  const { tt, lang } = useTemplateText();
  /** A field's default value as a short text (the roles a new plan starts with), or '' for none. */
  const prefilled = (value: unknown) => {
    const shown = defaultFor(value as TemplateDefault | undefined, lang);
    if (!Array.isArray(shown)) return typeof shown === 'string' ? shown : '';
    return shown.map((x) => (typeof x === 'string' ? x : 'role' in x ? x.role : 'title' in x ? x.title : '')).join(', ');
  };
  const latest = versions[0];
  return (
    <>
      <div className="page-header">
        <div className="page-header__title">
          <Heading level={1} data-size="lg">
            {tt(shown.title)}
          </Heading>
          <Tag data-size="sm" data-color="neutral">
            {t(`plans.templates.kinds.${shown.kind}`)}
          </Tag>
        </div>
        {canEdit && (
          <Button asChild variant="secondary">
            <RouterLink to={`/maler/${shown.key}/endre`}>{t('plans.templates.edit')}</RouterLink>
          </Button>
        )}
      </div>
      {tt(shown.description) && <Paragraph className="lead">{tt(shown.description)}</Paragraph>}
      <dl className="facts">
        <div>
          <dt>{t('plans.templates.columns.phase')}</dt>
          <dd>{shown.phaseKey ? catalogue.phaseTitle(shown.phaseKey) : t('plans.templates.allPhases')}</dd>
        </div>
        <div>
          <dt>{t('plans.templates.versionFacts')}</dt>
          <dd>
            {t('plans.templates.versionOf', { version: shown.version, latest: latest?.version ?? shown.version })}
            <span className="cell-note">
              {shown.createdBy
                ? t('plans.templates.savedBy', { dateTime: format.dateTime(shown.createdAt), name: shown.createdBy })
                : format.dateTime(shown.createdAt)}
            </span>
          </dd>
        </div>
      </dl>
      {versions.length > 1 && (
        <Field className="filter">
          <Label>{t('plans.templates.chooseVersion')}</Label>
          <Select value={String(shown.version)} onChange={(e) => onChooseVersion(Number(e.target.value))}>
            {versions.map((v) => (
              <Select.Option key={v.version} value={String(v.version)}>
                {t('plans.templates.versionOption', { version: v.version, dateTime: format.dateTime(v.createdAt) })}
              </Select.Option>
            ))}
          </Select>
        </Field>
      )}
      {shown.version !== latest?.version && (
        <Paragraph>
          <Tag data-color="warning" data-size="sm">
            {t('plans.templates.olderVersion')}
          </Tag>
        </Paragraph>
      )}
      <section aria-labelledby={sectionsId} className="section">
        <Heading level={2} data-size="md" id={sectionsId}>
          {t('plans.templates.sections')}
        </Heading>
        {shown.sections.map((section) => (
          <Card key={section.key} data-color="neutral" className="template-section">
            <Heading level={3} data-size="xs">
              {tt(section.title)}
            </Heading>
            {tt(section.guidance) ? (
              <Paragraph>{tt(section.guidance)}</Paragraph>
            ) : (
              <Paragraph className="muted">{t('plans.templates.noGuidance')}</Paragraph>
            )}
            <Heading level={4} data-size="2xs">
              {t('plans.templates.fields')}
            </Heading>
            <List.Unordered>
              {section.fields.map((field) => (
                <List.Item key={field.key}>
                  {tt(field.label)} ({t(`plans.templates.fieldKinds.${field.kind}`)}
                  {field.required ? `, ${t('plans.templates.requiredLower')}` : ''})
                  {tt(field.help) && <span className="cell-note">{tt(field.help)}</span>}
                  {prefilled(field.defaultValue) && (
                    <span className="cell-note">{t('plans.templateEditor.prefilled', { values: prefilled(field.defaultValue) })}</span>
                  )}
                </List.Item>
              ))}
            </List.Unordered>
          </Card>
        ))}
      </section>
    </>
  );
}
