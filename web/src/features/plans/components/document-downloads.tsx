import type { PhaseKey } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import { DownloadButtons } from '../../../components/download-buttons';
import { isLanguage, type Language } from '../../../lib/i18n';
import { downloadDeliverableDocument, downloadGateDocument, downloadPlanDocument } from '../api/download-documents';

function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'nb';
}

/** "Last ned PDF" / "Last ned Word" for a phase plan (with its budget and cost sharing), in the reader's language. */
export function PlanDocumentButtons({ projectId, phaseKey }: { projectId: string; phaseKey: PhaseKey }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <DownloadButtons
      label={t('plans.download.planGroup')}
      choices={[
        { key: 'pdf', label: t('plans.download.pdf'), ariaLabel: t('plans.download.planPdf'), fetchFile: () => downloadPlanDocument(projectId, phaseKey, 'pdf', lang) },
        { key: 'docx', label: t('plans.download.docx'), ariaLabel: t('plans.download.planDocx'), fetchFile: () => downloadPlanDocument(projectId, phaseKey, 'docx', lang) },
      ]}
    />
  );
}

/** "Last ned PDF" / "Last ned Word" for a deliverable: for the deliverable's page. */
export function DeliverableDocumentButtons({ projectId, deliverableId }: { projectId: string; deliverableId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <DownloadButtons
      label={t('plans.download.deliverableGroup')}
      choices={[
        { key: 'pdf', label: t('plans.download.pdf'), ariaLabel: t('plans.download.deliverablePdf'), fetchFile: () => downloadDeliverableDocument(projectId, deliverableId, 'pdf', lang) },
        { key: 'docx', label: t('plans.download.docx'), ariaLabel: t('plans.download.deliverableDocx'), fetchFile: () => downloadDeliverableDocument(projectId, deliverableId, 'docx', lang) },
      ]}
    />
  );
}

/** "Last ned PDF" / "Last ned Word" for a gate's decision basis (checklist, submission, decision): for the gate's page. */
export function GateDocumentButtons({ projectId, phaseKey }: { projectId: string; phaseKey: PhaseKey }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <DownloadButtons
      label={t('plans.download.gateGroup')}
      choices={[
        { key: 'pdf', label: t('plans.download.pdf'), ariaLabel: t('plans.download.gatePdf'), fetchFile: () => downloadGateDocument(projectId, phaseKey, 'pdf', lang) },
        { key: 'docx', label: t('plans.download.docx'), ariaLabel: t('plans.download.gateDocx'), fetchFile: () => downloadGateDocument(projectId, phaseKey, 'docx', lang) },
      ]}
    />
  );
}
