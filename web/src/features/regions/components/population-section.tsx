import { useId, useRef, useState } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { useFormat } from '../../../lib/format';
import { useDeleteKommunePopulation } from '../api/delete-kommune-population';
import { type PopulationFigure, useKommunePopulation } from '../api/get-kommune-population';
import { PopulationChanges } from './population-changes';
import { PopulationForm } from './population-form';
import { SsbImport } from './ssb-import';
import { TableScroll } from '../../../components/table-scroll';

/** The region's kommuner (current first, then former), each once, for choosing whose figures to see. */
function kommunerOf(region: Region): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const m of region.members) if (!seen.has(m.kommune.id)) seen.set(m.kommune.id, m.kommune.name);
  return [...seen.entries()].map(([id, name]) => ({ id, name }));
}

/**
 * Population figures per member kommune: every figure with who recorded it, the changes made to
 * them, and (for administrators) recording, correcting and deleting a figure.
 */
export function PopulationSection({ region, canAdminister }: { region: Region; canAdminister: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const kommuner = kommunerOf(region);
  const [kommuneId, setKommuneId] = useState<string | null>(kommuner[0]?.id ?? null);
  const selected = kommuner.find((k) => k.id === kommuneId) ?? null;

  if (kommuner.length === 0) return null;

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('regions.population.heading')}
      </Heading>
      <Paragraph>{t('regions.population.intro')}</Paragraph>
      <Field>
        <Label>{t('regions.population.kommune')}</Label>
        <Select value={kommuneId ?? ''} onChange={(e) => setKommuneId(e.target.value || null)}>
          {kommuner.map((k) => (
            <Select.Option key={k.id} value={k.id}>
              {k.name}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {selected && <KommunePopulation key={selected.id} regionId={region.id} kommune={selected} canAdminister={canAdminister} />}
      {canAdminister && <SsbImport />}
    </section>
  );
}

function KommunePopulation({
  regionId,
  kommune,
  canAdminister,
}: {
  regionId: string;
  kommune: { id: string; name: string };
  canAdminister: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useKommunePopulation(regionId, kommune.id);
  const [status, setStatus] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<PopulationFigure | null>(null);
  const [editing, setEditing] = useState<PopulationFigure | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const remove = useDeleteKommunePopulation(regionId, kommune.id, {
    onSuccess: (asOf) => {
      setConfirming(null);
      setStatus(t('regions.population.deleted', { kommune: kommune.name, date: format.date(asOf) }));
      requestAnimationFrame(() => tableRef.current?.focus());
    },
  });

  if (history.isPending) return <Loading label={t('regions.population.loading')} />;
  if (history.isError) return <ErrorAlert error={history.error} />;
  const data = history.data;

  return (
    <>
      <StatusMessage message={status} />
      {data.figures.length === 0 ? (
        <Paragraph>{t('regions.population.none', { kommune: kommune.name })}</Paragraph>
      ) : (
        <TableScroll>
          <Table zebra border ref={tableRef} tabIndex={-1}>
            <caption>{t('regions.population.caption', { kommune: kommune.name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('regions.population.columns.asOf')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('regions.population.columns.count')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('regions.population.columns.recorded')}</Table.HeaderCell>
                {canAdminister && <Table.HeaderCell scope="col">{t('regions.population.columns.actions')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.figures.map((figure) => {
                const date = format.date(figure.asOf);
                return (
                  <Table.Row key={figure.asOf}>
                    <Table.HeaderCell scope="row">{date}</Table.HeaderCell>
                    <Table.Cell className="numeric">{format.number(figure.count)}</Table.Cell>
                    <Table.Cell>
                      {figure.source === 'ssb'
                        ? t('regions.population.fromSsb', {
                            table: figure.ssbTable ?? '',
                            at: figure.ssbFetchedAt ? format.date(figure.ssbFetchedAt.slice(0, 10)) : t('common.unknown'),
                          })
                        : figure.recordedAt
                          ? t('regions.population.recordedBy', {
                              at: format.dateTime(figure.recordedAt),
                              name: figure.recordedBy ?? t('common.unknown'),
                            })
                          : t('regions.population.recordedUnknown')}
                      {figure.differsFromSsb && (
                        <>
                          {' '}
                          <Tag data-size="sm" data-color="warning">
                            {t('regions.population.differsFromSsb', {
                              formatted: format.number(figure.ssbCount ?? 0),
                            })}
                          </Tag>
                        </>
                      )}
                    </Table.Cell>
                    {canAdminister && (
                      <Table.Cell>
                        <div className="form__actions">
                          <Button
                            variant="tertiary"
                            data-size="sm"
                            aria-label={t('regions.population.correctFor', { date })}
                            onClick={() => {
                              setStatus(null);
                              setEditing(figure);
                            }}
                          >
                            {t('regions.population.correct')}
                          </Button>
                          <Button
                            variant="tertiary"
                            data-size="sm"
                            data-color="danger"
                            aria-label={t('regions.population.deleteFor', { date })}
                            onClick={() => {
                              setStatus(null);
                              remove.reset();
                              setConfirming(figure);
                              requestAnimationFrame(() => confirmRef.current?.focus());
                            }}
                          >
                            {t('regions.population.delete')}
                          </Button>
                        </div>
                      </Table.Cell>
                    )}
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {canAdminister && confirming && (
        <Alert data-color="warning">
          <Paragraph>
            {t('regions.population.confirmDelete', {
              kommune: kommune.name,
              date: format.date(confirming.asOf),
              count: format.number(confirming.count),
            })}
          </Paragraph>
          {remove.isError && <ErrorAlert error={remove.error} />}
          <div className="form__actions">
            <Button
              ref={confirmRef}
              data-color="danger"
              loading={remove.isPending}
              disabled={remove.isPending}
              onClick={() => remove.mutate(confirming.asOf)}
            >
              {t('regions.population.confirmDeleteButton')}
            </Button>
            <Button variant="tertiary" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </Button>
          </div>
        </Alert>
      )}
      {canAdminister && (
        <PopulationForm
          key={editing ? `edit-${editing.asOf}` : 'new'}
          regionId={regionId}
          kommune={kommune}
          history={data}
          editing={editing}
          onSaved={(message) => {
            setEditing(null);
            setStatus(message);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <PopulationChanges kommune={kommune} history={data} />
    </>
  );
}
