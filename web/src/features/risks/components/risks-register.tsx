import { useState } from 'react';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { DownloadButtons } from '../../../components/download-buttons';
import { ErrorAlert } from '../../../components/error-alert';
import { FormDialog } from '../../../components/form-dialog';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { errorMessage } from '../../../lib/error-message';
import { isLanguage } from '../../../lib/i18n';
import { exportRisks, risksExportUrl } from '../api/export-risks';
import { useRisks } from '../api/get-risks';
import { useDeleteRisk } from '../api/save-risk';
import type { Risk } from '../api/types';
import { HeatMap } from './heat-map';
import { RiskDialog } from './risk-dialog';
import { RiskTable } from './risk-table';
import './risks.css';

/**
 * A project's risk register: the 5×5 map of its open risks (before or after measures), the register as a
 * table, downloads as CSV and Excel, and for those who write it: add, change and delete.
 */
export function RisksRegister({ projectId, canWrite }: { projectId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'nb';
  const list = useRisks(projectId);
  const remove = useDeleteRisk(projectId);
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ risk: Risk | null } | null>(null);
  const [deleting, setDeleting] = useState<Risk | null>(null);

  if (list.isPending) return <Loading label={t('risks.loading')} />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  const risks = list.data;

  async function confirmDelete() {
    if (!deleting) return;
    try {
      await remove.mutateAsync(deleting.id);
      setDeleting(null);
      setMessage(t('risks.deleted'));
    } catch {
      // shown in the dialog
    }
  }

  return (
    <div className="risks">
      <StatusMessage message={message} />
      <div className="risks__toolbar">
        {canWrite ? (
          <Button variant="primary" onClick={() => setEditing({ risk: null })}>
            {t('risks.add')}
          </Button>
        ) : (
          <span />
        )}
        {risks.length > 0 && (
          <DownloadButtons
            label={t('risks.exportLabel')}
            choices={(['csv', 'xlsx'] as const).map((format) => ({
              key: format,
              label: format === 'csv' ? t('risks.exportCsv') : t('risks.exportXlsx'),
              ariaLabel: `${t('risks.exportLabel')} (${format === 'csv' ? t('risks.exportCsv') : t('risks.exportXlsx')})`,
              href: risksExportUrl(projectId, format, lang),
              fetchFile: () => exportRisks(projectId, format, lang),
            }))}
          />
        )}
      </div>
      {risks.length === 0 ? (
        <Paragraph>{t('risks.empty')}</Paragraph>
      ) : (
        <>
          <HeatMap risks={risks} />
          <RiskTable
            risks={risks}
            caption={t('risks.tableCaption')}
            actions={
              canWrite
                ? (r) => {
                    const risk = risks.find((x) => x.id === r.id);
                    if (!risk) return null;
                    return (
                      <>
                        <Button
                          data-size="sm"
                          variant="tertiary"
                          aria-label={t('risks.editLabel', { n: risk.number })}
                          onClick={() => setEditing({ risk })}
                        >
                          {t('risks.edit')}
                        </Button>
                        <Button
                          data-size="sm"
                          variant="tertiary"
                          data-color="danger"
                          aria-label={t('risks.deleteLabel', { n: risk.number })}
                          onClick={() => {
                            remove.reset();
                            setDeleting(risk);
                          }}
                        >
                          {t('risks.delete')}
                        </Button>
                      </>
                    );
                  }
                : undefined
            }
          />
        </>
      )}
      {canWrite && (
        <RiskDialog
          projectId={projectId}
          open={editing !== null}
          onClose={() => setEditing(null)}
          risk={editing?.risk ?? null}
          onSaved={setMessage}
        />
      )}
      <FormDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('risks.deleteTitle')}
        onConfirm={() => void confirmDelete()}
        pending={remove.isPending}
        submitLabel={t('risks.delete')}
        submitColor="danger"
        formError={remove.error ? errorMessage(remove.error, t) : undefined}
      >
        <Paragraph>{t('risks.deleteConfirm', { n: deleting?.number ?? 0, description: deleting?.description ?? '' })}</Paragraph>
      </FormDialog>
    </div>
  );
}
