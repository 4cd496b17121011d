import { useId } from 'react';
import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { DownloadButtons, type DownloadChoice } from '../../../components/download-buttons';
import { isLanguage } from '../../../lib/i18n';
import {
  downloadSurveyExport,
  downloadSurveyReport,
  exportUrl,
  reportUrl,
  type ExportContent,
  type ExportFormat,
  type ReportFormat,
} from '../api/download-survey';

/** The results as files: tables (and, for editors, the anonymous raw answers) as CSV/XLSX, and the report chapter as PDF/DOCX. */
export function SurveyExports({
  projectId,
  surveyId,
  mayEdit,
  rawDeleted,
}: {
  projectId: string;
  surveyId: string;
  mayEdit: boolean;
  rawDeleted: boolean;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const lang = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'nb';
  const file = (content: ExportContent, format: ExportFormat): DownloadChoice => {
    const href = exportUrl(projectId, surveyId, format, content);
    return {
      key: `${content}-${format}`,
      label: t(`surveys.exports.${format}`),
      ariaLabel: t(`surveys.exports.${content}Aria`, { format: format.toUpperCase() }),
      href,
      fetchFile: () => downloadSurveyExport(projectId, surveyId, format, content),
    };
  };
  const report = (format: ReportFormat): DownloadChoice => {
    const href = reportUrl(projectId, surveyId, format, lang);
    return {
      key: `report-${format}`,
      label: t(`surveys.exports.${format}`),
      ariaLabel: t('surveys.exports.reportAria', { format: format.toUpperCase() }),
      href,
      fetchFile: () => downloadSurveyReport(projectId, surveyId, format, lang),
    };
  };

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('surveys.exports.heading')}
      </Heading>
      <Heading level={3} data-size="xs">
        {t('surveys.exports.tables')}
      </Heading>
      <DownloadButtons label={t('surveys.exports.tables')} choices={[file('tables', 'csv'), file('tables', 'xlsx')]} />
      {mayEdit && !rawDeleted && (
        <>
          <Heading level={3} data-size="xs">
            {t('surveys.exports.raw')}
          </Heading>
          <DownloadButtons label={t('surveys.exports.raw')} choices={[file('raw', 'csv'), file('raw', 'xlsx')]} />
        </>
      )}
      <Heading level={3} data-size="xs">
        {t('surveys.exports.report')}
      </Heading>
      <DownloadButtons label={t('surveys.exports.report')} choices={[report('pdf'), report('docx')]} />
    </section>
  );
}
