import { useId, type ReactNode } from 'react';
import { Heading } from '@digdir/designsystemet-react';
import type { PhaseKey } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import { DownloadButtons } from '../../../components/download-buttons';
import { isLanguage, type Language } from '../../../lib/i18n';
import {
  deliverableDocumentUrl,
  downloadDeliverableDocument,
  downloadGateDocument,
  downloadPlanDocument,
  gateDocumentUrl,
  planDocumentUrl,
} from '../api/download-documents';

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
        {
          key: 'pdf',
          label: t('plans.download.pdf'),
          ariaLabel: t('plans.download.planPdf'),
          href: planDocumentUrl(projectId, phaseKey, 'pdf', lang),
          fetchFile: () => downloadPlanDocument(projectId, phaseKey, 'pdf', lang),
        },
        {
          key: 'docx',
          label: t('plans.download.docx'),
          ariaLabel: t('plans.download.planDocx'),
          href: planDocumentUrl(projectId, phaseKey, 'docx', lang),
          fetchFile: () => downloadPlanDocument(projectId, phaseKey, 'docx', lang),
        },
      ]}
    />
  );
}

/** With `heading`, the buttons come in their own section ("Dokument til regionrådets møte"). */
function MaybeSection({ heading, children }: { heading: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  if (!heading) return <>{children}</>;
  return (
    <section aria-labelledby={id} className="section">
      <Heading level={2} data-size="sm" id={id}>
        {t('plans.download.heading')}
      </Heading>
      {children}
    </section>
  );
}

/** "Last ned PDF" / "Last ned Word" for a deliverable: for the deliverable's page. */
export function DeliverableDocumentButtons({
  projectId,
  deliverableId,
  heading = false,
}: {
  projectId: string;
  deliverableId: string;
  heading?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <MaybeSection heading={heading}>
      <DownloadButtons
        label={t('plans.download.deliverableGroup')}
        choices={[
          {
            key: 'pdf',
            label: t('plans.download.pdf'),
            ariaLabel: t('plans.download.deliverablePdf'),
            href: deliverableDocumentUrl(projectId, deliverableId, 'pdf', lang),
            fetchFile: () => downloadDeliverableDocument(projectId, deliverableId, 'pdf', lang),
          },
          {
            key: 'docx',
            label: t('plans.download.docx'),
            ariaLabel: t('plans.download.deliverableDocx'),
            href: deliverableDocumentUrl(projectId, deliverableId, 'docx', lang),
            fetchFile: () => downloadDeliverableDocument(projectId, deliverableId, 'docx', lang),
          },
        ]}
      />
    </MaybeSection>
  );
}

/** "Last ned PDF" / "Last ned Word" for a gate's decision basis (checklist, submission, decision): for the gate's page. */
export function GateDocumentButtons({
  projectId,
  phaseKey,
  heading = false,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  heading?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <MaybeSection heading={heading}>
      <DownloadButtons
        label={t('plans.download.gateGroup')}
        choices={[
          {
            key: 'pdf',
            label: t('plans.download.pdf'),
            ariaLabel: t('plans.download.gatePdf'),
            href: gateDocumentUrl(projectId, phaseKey, 'pdf', lang),
            fetchFile: () => downloadGateDocument(projectId, phaseKey, 'pdf', lang),
          },
          {
            key: 'docx',
            label: t('plans.download.docx'),
            ariaLabel: t('plans.download.gateDocx'),
            href: gateDocumentUrl(projectId, phaseKey, 'docx', lang),
            fetchFile: () => downloadGateDocument(projectId, phaseKey, 'docx', lang),
          },
        ]}
      />
    </MaybeSection>
  );
}
