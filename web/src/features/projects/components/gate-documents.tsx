import { useId, useState, type ReactNode } from 'react';
import { Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Gate, Project } from '../../../api/types';
import { DownloadButtons } from '../../../components/download-buttons';
import { isLanguage, LANGUAGES, type Language } from '../../../lib/i18n';
import {
  caseDocumentUrl,
  downloadCaseDocument,
  downloadMinutesExtract,
  minutesExtractUrl,
  type GateDocumentFormat,
} from '../api/download-gate-documents';
import { archivePackageUrl, downloadArchivePackage } from '../api/download-archive-package';

const FORMATS: GateDocumentFormat[] = ['pdf', 'docx'];

/**
 * "Saksdokumenter": the saksframlegg for each body on the case route and, once decided, the minutes
 * extract (protokollutdrag), as PDF or Word, in the written standard chosen (the reader's by default).
 */
export function GateDocuments({ project, gate, basisDocuments }: { project: Project; gate: Gate; basisDocuments?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [lang, setLang] = useState<Language>(isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'nb');
  const steps = [...gate.caseRoute].sort((a, b) => a.position - b.position);
  const decided = gate.submissions[0]?.decision ?? null;

  const choices = (kind: 'case' | 'extract', name: string, step?: string) =>
    FORMATS.map((format) => ({
      key: format,
      label: t(`plans.download.${format}`),
      ariaLabel: t(`gate.documents.${kind}Aria.${format}`, { name }),
      href:
        kind === 'case'
          ? caseDocumentUrl(project.id, gate.phaseKey, format, lang, step)
          : minutesExtractUrl(project.id, gate.phaseKey, format, lang),
      fetchFile: () =>
        kind === 'case'
          ? downloadCaseDocument(project.id, gate.phaseKey, format, lang, step)
          : downloadMinutesExtract(project.id, gate.phaseKey, format, lang),
    }));

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={3} data-size="sm" id={headingId}>
        {t('gate.documents.heading')}
      </Heading>
      {steps.length > 0 && (
        <Field className="gate-documents__language">
          <Label>{t('gate.documents.language')}</Label>
          <Select value={lang} onChange={(e) => isLanguage(e.target.value) && setLang(e.target.value)}>
            {LANGUAGES.map((l) => (
              <Select.Option key={l} value={l}>
                {t(`gate.documents.languages.${l}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      )}
      {steps.length === 0 ? (
        <div className="gate-documents__item">
          <Paragraph>{t('gate.documents.caseLater')}</Paragraph>
          {basisDocuments}
        </div>
      ) : (
        steps.map((s) => (
          <div key={s.id} className="gate-documents__item">
            <Paragraph>{t('gate.documents.caseFor', { body: s.bodyName })}</Paragraph>
            <DownloadButtons label={t('gate.documents.caseFor', { body: s.bodyName })} choices={choices('case', s.bodyName, s.id)} />
          </div>
        ))
      )}
      {decided && (
        <div className="gate-documents__item">
          <Paragraph>{t('gate.documents.extract', { body: decided.bodyName ?? project.councilName })}</Paragraph>
          <DownloadButtons
            label={t('gate.documents.extract', { body: decided.bodyName ?? project.councilName })}
            choices={choices('extract', decided.bodyName ?? project.councilName)}
          />
        </div>
      )}
      {gate.submissions.length > 0 && (
        <div className="gate-documents__item">
          <Paragraph>{t('gate.documents.archive')}</Paragraph>
          <DownloadButtons
            label={t('gate.documents.archive')}
            choices={[
              {
                key: 'zip',
                label: t('gate.documents.archiveButton'),
                ariaLabel: t('gate.documents.archiveAria'),
                href: archivePackageUrl(project.id, gate.phaseKey, lang),
                fetchFile: () => downloadArchivePackage(project.id, gate.phaseKey, lang),
              },
            ]}
          />
        </div>
      )}
    </section>
  );
}
