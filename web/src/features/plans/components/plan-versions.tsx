import { useId, useState } from 'react';
import { Button, Heading, Link, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import type { PhaseKey } from '@nvr/shared';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SnapshotSummary } from '../../../api/plan-types';
import { FormError } from '../../../components/form-error';
import { StatusMessage } from '../../../components/status-message';
import { useFormat } from '../../../lib/format';
import { useApiForm } from '../../../lib/use-api-form';
import { savePlanVersion } from '../api/save-plan-version';
import type { PlanWriter } from './use-plan-writer';
import { TableScroll } from '../../../components/table-scroll';

/** The plan's kept versions (the approved one marked "Vedtatt"), "Lagre som versjon", and links to compare. */
export function PlanVersions({
  projectId,
  phaseKey,
  snapshots,
  canSave,
  write,
  beforeSave,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  snapshots: SnapshotSummary[];
  canSave: boolean;
  write: PlanWriter;
  /** Sends any unsaved answers first, so the version holds what is on screen. */
  beforeSave: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  // SavePlanVersionDto: an optional label of at most 200 characters (kept by maxLength).
  const form = useApiForm<{ label: string }>({ defaultValues: { label: '' } });
  const { errors, isSubmitting } = form.formState;
  const [saved, setSaved] = useState<string | null>(null);
  const compareUrl = (from: number | 'current', to: number | 'current') =>
    `/prosjekter/${projectId}/faser/${phaseKey}/plan/sammenlign?fra=${from === 'current' ? 'gjeldende' : from}&til=${to === 'current' ? 'gjeldende' : to}`;

  const save = form.handleSubmit(async ({ label }) => {
    setSaved(null);
    try {
      await beforeSave();
      const plan = await write(() => savePlanVersion({ projectId, phaseKey, body: label.trim() ? { label: label.trim() } : {} }));
      form.reset();
      setSaved(t('plans.versions.saved', { number: plan.snapshots[0]?.number ?? '' }));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('plans.versions.heading')}
      </Heading>
      <Paragraph>{t('plans.versions.intro')}</Paragraph>
      {snapshots.length === 0 ? (
        <Paragraph className="muted">{t('plans.versions.none')}</Paragraph>
      ) : (
        <TableScroll>
          <Table border zebra data-size="sm">
            <caption>{t('plans.versions.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('plans.versions.number')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('plans.versions.label')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('plans.versions.savedAt')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('plans.versions.compare')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {snapshots.map((s) => (
                <Table.Row key={s.number}>
                  <Table.HeaderCell scope="row">
                    <span className="cell-stack">
                      {t('plans.versions.name', { number: s.number })}
                      {s.reason === 'approved' && (
                        <Tag data-color="success" data-size="sm">
                          {t('plans.versions.approved')}
                        </Tag>
                      )}
                    </span>
                  </Table.HeaderCell>
                  <Table.Cell>{s.label ?? <span className="muted">{t('plans.versions.noLabel')}</span>}</Table.Cell>
                  <Table.Cell>
                    {format.dateTime(s.createdAt)}
                    {s.createdBy && <span className="cell-note">{s.createdBy}</span>}
                  </Table.Cell>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={compareUrl(s.number, 'current')}>
                        {t('plans.versions.compareWithCurrent', { number: s.number })}
                      </RouterLink>
                    </Link>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {canSave && (
        <div className="form form--inline">
          <Textfield
            label={t('plans.versions.newLabel')}
            description={t('plans.versions.newLabelHint')}
            {...form.register('label')}
            error={errors.label?.message}
            maxLength={200}
          />
          <FormError message={form.formError} />
          <div className="form__actions">
            <Button type="button" variant="secondary" onClick={() => void save()} loading={isSubmitting} disabled={isSubmitting}>
              {t('plans.versions.save')}
            </Button>
          </div>
          <StatusMessage message={saved} />
        </div>
      )}
    </section>
  );
}
