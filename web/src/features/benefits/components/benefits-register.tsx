import { useEffect, useRef, useState } from 'react';
import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DownloadButtons } from '../../../components/download-buttons';
import { FormDialog } from '../../../components/form-dialog';
import { StatusMessage } from '../../../components/status-message';
import { errorMessage } from '../../../lib/error-message';
import { useFormat } from '../../../lib/format';
import { isLanguage } from '../../../lib/i18n';
import { downloadBenefitReport, benefitsFileUrl, exportBenefits } from '../api/download-benefits';
import { getBenefitRegisterQueryOptions } from '../api/get-benefits';
import { useDeleteBenefit, useDeleteIndicator, useDeleteMeasurement } from '../api/save-benefit';
import type { Benefit, Indicator, Measurement } from '../api/types';
import { BenefitDialog } from './benefit-dialog';
import { TREND_COLOR } from './benefit-text';
import { IndicatorDialog } from './indicator-dialog';
import { IndicatorView, type IndicatorActions } from './indicator-view';
import { MeasurementDialog } from './measurement-dialog';
import './benefits.css';

/** The dialog open, if any, with what it works on. */
type Dialog =
  | { kind: 'benefit'; benefit: Benefit | null }
  | { kind: 'deleteBenefit'; benefit: Benefit }
  | { kind: 'indicator'; benefit: Benefit; indicator: Indicator | null }
  | { kind: 'deleteIndicator'; benefit: Benefit; indicator: Indicator }
  | { kind: 'measurement'; benefit: Benefit; indicator: Indicator; measurement: Measurement | null }
  | { kind: 'deleteMeasurement'; benefit: Benefit; indicator: Indicator; measurement: Measurement };

const LIST_HEADING_ID = 'benefits-heading';

/**
 * A project's benefits register: each benefit (G1, G2 …) with its benefit area, owner and trend, and its
 * indicators with their measurements, a table and a small chart each. The project's editors (and the
 * regionråd) change the register; a benefit's owner records its measurements, also after the project has
 * ended; everyone who may read the project reads it and downloads it (CSV, Excel, the report as PDF or Word).
 */
export function BenefitsRegister({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { data: register } = useSuspenseQuery(getBenefitRegisterQueryOptions(projectId));
  const [message, setMessage] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const focusAfter = useRef<string | null>(null);
  const removeBenefit = useDeleteBenefit(projectId);
  const removeIndicator = useDeleteIndicator(projectId);
  const removeMeasurement = useDeleteMeasurement(projectId);
  const lang = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'nb';

  // After a deletion the button that opened the dialog is gone: focus goes to the heading named.
  useEffect(() => {
    if (!focusAfter.current || dialog) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });

  const close = () => {
    setDialog(null);
    // A refused deletion's message belongs to that dialog only.
    removeBenefit.reset();
    removeIndicator.reset();
    removeMeasurement.reset();
  };
  const saved = (text: string) => setMessage(text);

  const actionsFor = (b: Benefit): IndicatorActions => ({
    ...(b.mayRecord
      ? {
          addMeasurement: (indicator) => setDialog({ kind: 'measurement', benefit: b, indicator, measurement: null }),
          editMeasurement: (indicator, measurement) => setDialog({ kind: 'measurement', benefit: b, indicator, measurement }),
          deleteMeasurement: (indicator, measurement) => setDialog({ kind: 'deleteMeasurement', benefit: b, indicator, measurement }),
        }
      : {}),
    ...(register.mayEdit
      ? {
          editIndicator: (indicator) => setDialog({ kind: 'indicator', benefit: b, indicator }),
          deleteIndicator: (indicator) => setDialog({ kind: 'deleteIndicator', benefit: b, indicator }),
        }
      : {}),
  });

  const deletion =
    dialog?.kind === 'deleteBenefit'
      ? {
          title: t('benefits.deleteTitle', { n: dialog.benefit.number }),
          text: t('benefits.deleteText', { title: dialog.benefit.title }),
          pending: removeBenefit.isPending,
          error: removeBenefit.error,
          run: async () => {
            await removeBenefit.mutateAsync(dialog.benefit.id);
            return { message: t('benefits.deleted', { n: dialog.benefit.number }), focus: LIST_HEADING_ID };
          },
        }
      : dialog?.kind === 'deleteIndicator'
        ? {
            title: t('benefits.indicator.deleteTitle', { name: dialog.indicator.name }),
            text: t('benefits.indicator.deleteText'),
            pending: removeIndicator.isPending,
            error: removeIndicator.error,
            run: async () => {
              await removeIndicator.mutateAsync({ benefitId: dialog.benefit.id, indicatorId: dialog.indicator.id });
              return { message: t('benefits.indicator.deleted', { name: dialog.indicator.name }), focus: `benefit-${dialog.benefit.id}` };
            },
          }
        : dialog?.kind === 'deleteMeasurement'
          ? {
              title: t('benefits.measurements.deleteTitle', { date: format.date(dialog.measurement.measuredOn) }),
              text: t('benefits.measurements.deleteText', { indicator: dialog.indicator.name }),
              pending: removeMeasurement.isPending,
              error: removeMeasurement.error,
              run: async () => {
                await removeMeasurement.mutateAsync({
                  benefitId: dialog.benefit.id,
                  indicatorId: dialog.indicator.id,
                  measurementId: dialog.measurement.id,
                });
                return { message: t('benefits.measurements.deleted'), focus: `indicator-${dialog.indicator.id}` };
              },
            }
          : null;

  return (
    <div className="benefits">
      <StatusMessage message={message} />
      {register.projectStatus !== 'active' && <Paragraph>{t('benefits.afterEnd')}</Paragraph>}
      <DownloadButtons
        label={t('benefits.downloads')}
        choices={[
          {
            key: 'xlsx',
            label: t('benefits.download.xlsx'),
            href: benefitsFileUrl(projectId, 'export', 'xlsx', lang),
            fetchFile: () => exportBenefits(projectId, 'xlsx', lang),
          },
          {
            key: 'csv',
            label: t('benefits.download.csv'),
            href: benefitsFileUrl(projectId, 'export', 'csv', lang),
            fetchFile: () => exportBenefits(projectId, 'csv', lang),
          },
          {
            key: 'pdf',
            label: t('benefits.download.pdf'),
            href: benefitsFileUrl(projectId, 'report', 'pdf', lang),
            fetchFile: () => downloadBenefitReport(projectId, 'pdf', lang),
          },
          {
            key: 'docx',
            label: t('benefits.download.docx'),
            href: benefitsFileUrl(projectId, 'report', 'docx', lang),
            fetchFile: () => downloadBenefitReport(projectId, 'docx', lang),
          },
        ]}
      />
      <Heading level={2} data-size="md" id={LIST_HEADING_ID} tabIndex={-1}>
        {t('benefits.listHeading', { count: register.benefits.length })}
      </Heading>
      {register.mayEdit && (
        <Button variant="secondary" onClick={() => setDialog({ kind: 'benefit', benefit: null })}>
          {t('benefits.add')}
        </Button>
      )}
      {register.benefits.length === 0 ? (
        <Paragraph>{t('benefits.empty')}</Paragraph>
      ) : (
        <ul className="benefits__list">
          {register.benefits.map((b) => (
            <li key={b.id}>
              <Card data-color="neutral" className="benefits__card" data-testid="benefit-card">
                <Heading level={3} data-size="xs" id={`benefit-${b.id}`} tabIndex={-1}>
                  {t('benefits.number', { n: b.number })}: {b.title}
                </Heading>
                <dl className="benefits__meta">
                  <div>
                    <dt>{t('benefits.trendLabel')}</dt>
                    <dd>
                      <Tag data-color={TREND_COLOR[b.trend]} data-size="sm">
                        {t(`benefits.trends.${b.trend}`)}
                      </Tag>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('benefits.fields.area')}</dt>
                    <dd>
                      {b.benefitArea ?? t('benefits.fields.noArea')}
                      {b.benefitArea && !b.benefitAreaInPlan && <span className="muted"> ({t('benefits.areaNotInPlan')})</span>}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('benefits.fields.owner')}</dt>
                    <dd>{b.owner?.name ?? t('benefits.noOwner')}</dd>
                  </div>
                  {b.handedOverAt && (
                    <div>
                      <dt>{t('benefits.handedOver')}</dt>
                      <dd>{format.dateTime(b.handedOverAt)}</dd>
                    </div>
                  )}
                </dl>
                {b.description && <Paragraph>{b.description}</Paragraph>}
                {b.indicators.length === 0 && <Paragraph className="muted">{t('benefits.noIndicators')}</Paragraph>}
                {b.indicators.map((i) => (
                  <IndicatorView key={i.id} indicator={i} headingLevel={4} actions={actionsFor(b)} />
                ))}
                {register.mayEdit && (
                  <div className="row-actions">
                    <Button
                      aria-label={`${t('benefits.indicator.add')}: ${b.title}`}
                      data-size="sm"
                      variant="secondary"
                      onClick={() => setDialog({ kind: 'indicator', benefit: b, indicator: null })}
                    >
                      {t('benefits.indicator.add')}
                    </Button>
                    <Button
                      aria-label={`${t('benefits.edit')}: ${b.title}`}
                      data-size="sm"
                      variant="tertiary"
                      onClick={() => setDialog({ kind: 'benefit', benefit: b })}
                    >
                      {t('benefits.edit')}
                    </Button>
                    <Button
                      aria-label={`${t('benefits.delete')}: ${b.title}`}
                      data-size="sm"
                      variant="tertiary"
                      data-color="danger"
                      onClick={() => setDialog({ kind: 'deleteBenefit', benefit: b })}
                    >
                      {t('benefits.delete')}
                    </Button>
                  </div>
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}

      <BenefitDialog
        projectId={projectId}
        areas={register.areas}
        open={dialog?.kind === 'benefit'}
        benefit={dialog?.kind === 'benefit' ? dialog.benefit : null}
        onClose={close}
        onSaved={saved}
      />
      {dialog?.kind === 'indicator' && (
        <IndicatorDialog projectId={projectId} benefit={dialog.benefit} indicator={dialog.indicator} open onClose={close} onSaved={saved} />
      )}
      {dialog?.kind === 'measurement' && (
        <MeasurementDialog
          projectId={projectId}
          benefit={dialog.benefit}
          indicator={dialog.indicator}
          measurement={dialog.measurement}
          open
          onClose={close}
          onSaved={saved}
        />
      )}
      <FormDialog
        open={deletion !== null}
        onClose={close}
        title={deletion?.title ?? ''}
        submitLabel={t('benefits.delete')}
        submitColor="danger"
        pending={deletion?.pending}
        formError={deletion?.error ? errorMessage(deletion.error, t) : undefined}
        onConfirm={() => {
          if (!deletion) return;
          void deletion.run().then(
            (done) => {
              setMessage(done.message);
              focusAfter.current = done.focus;
              close();
            },
            () => undefined, // shown in the dialog
          );
        }}
      >
        <Paragraph>{deletion?.text}</Paragraph>
      </FormDialog>
    </div>
  );
}
