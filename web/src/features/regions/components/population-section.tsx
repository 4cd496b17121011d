import { useId, useRef, useState } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { isApiError } from '../../../lib/api-error';
import { useFormat } from '../../../lib/format';
import { useApiForm } from '../../../lib/use-api-form';
import { useDeleteKommunePopulation } from '../api/delete-kommune-population';
import { type PopulationFigure, type PopulationHistory, useKommunePopulation } from '../api/get-kommune-population';
import { useSaveKommunePopulation } from '../api/save-kommune-population';

const MAX_COUNT = 10_000_000;

const ACTION_KEYS = {
  'population.recorded': 'regions.population.actions.recorded',
  'population.corrected': 'regions.population.actions.corrected',
  'population.deleted': 'regions.population.actions.deleted',
} as const;

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
        <div className="table-scroll">
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
                      {figure.recordedAt
                        ? t('regions.population.recordedBy', {
                            at: format.dateTime(figure.recordedAt),
                            name: figure.recordedBy ?? t('common.unknown'),
                          })
                        : t('regions.population.recordedUnknown')}
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
        </div>
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

interface PopulationValues {
  asOf: string;
  count: string;
}

/** Records a figure on a date, or corrects the figure of a date that has one. */
function PopulationForm({
  regionId,
  kommune,
  history,
  editing,
  onSaved,
  onCancel,
}: {
  regionId: string;
  kommune: { id: string; name: string };
  history: PopulationHistory;
  editing: PopulationFigure | null;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const range = { from: history.earliestAsOf, to: history.latestAsOf };
  const rangeText = { from: format.date(range.from), to: format.date(range.to) };
  const form = useApiForm<PopulationValues>({
    defaultValues: { asOf: editing?.asOf ?? '', count: editing ? String(editing.count) : '' },
  });
  const { errors, isSubmitting } = form.formState;
  const save = useSaveKommunePopulation(regionId, kommune.id);

  // The server's field messages are in English; the same rules are explained here in the person's language.
  const serverFieldMessages: Record<keyof PopulationValues, string> = {
    asOf: t('regions.population.asOfInvalid', rangeText),
    count: t('regions.population.countInvalid'),
  };

  const submit = form.handleSubmit(async ({ asOf, count }) => {
    try {
      const figure = await save.mutateAsync({ asOf, count: Number(count.trim()) });
      onSaved(
        t(editing ? 'regions.population.corrected' : 'regions.population.saved', {
          kommune: kommune.name,
          date: format.date(figure.asOf),
          count: format.number(figure.count),
        }),
      );
    } catch (error) {
      if (isApiError(error, 'VALIDATION_FAILED')) {
        const fields = (['asOf', 'count'] as const).filter((field) => error.messageFor(field));
        fields.forEach((field, i) =>
          form.setError(field, { type: 'server', message: serverFieldMessages[field] }, { shouldFocus: i === 0 }),
        );
        if (fields.length > 0) return;
      }
      form.applyServerErrors(error);
    }
  });

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={3} data-size="xs" id={headingId}>
        {editing
          ? t('regions.population.formCorrectHeading', { kommune: kommune.name, date: format.date(editing.asOf) })
          : t('regions.population.formHeading', { kommune: kommune.name })}
      </Heading>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="form__row">
          <Textfield
            type="date"
            label={t('regions.population.asOf')}
            description={t('regions.population.asOfHint', rangeText)}
            min={range.from}
            max={range.to}
            readOnly={editing !== null}
            {...form.register('asOf', {
              required: t('regions.population.asOfRequired'),
              validate: (v) => (v >= range.from && v <= range.to) || serverFieldMessages.asOf,
            })}
            error={errors.asOf?.message}
            required
          />
          <Textfield
            label={t('regions.population.count')}
            description={t('regions.population.countHint')}
            inputMode="numeric"
            {...form.register('count', {
              validate: (v) => {
                const value = Number(v.trim());
                return (v.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT) || serverFieldMessages.count;
              },
            })}
            error={errors.count?.message}
            required
            autoFocus={editing !== null}
          />
        </div>
        <FormError message={form.formError} />
        <div className="form__actions">
          <Button type="submit" variant="secondary" loading={isSubmitting} disabled={isSubmitting}>
            {editing ? t('regions.population.saveCorrection') : t('regions.population.save')}
          </Button>
          {editing && (
            <Button variant="tertiary" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}

/** Every change to the kommune's figures, newest first. */
function PopulationChanges({ kommune, history }: { kommune: { id: string; name: string }; history: PopulationHistory }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const count = (n: number | null) => (n === null ? '–' : format.number(n));

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('regions.population.changesHeading')}
      </Heading>
      {history.events.length === 0 ? (
        <Paragraph>{t('regions.population.noChanges')}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table zebra border data-size="sm">
            <caption>{t('regions.population.changesCaption', { kommune: kommune.name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('regions.population.changes.at')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('regions.population.changes.who')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('regions.population.changes.what')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('regions.population.changes.asOf')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('regions.population.changes.before')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('regions.population.changes.after')}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {history.events.map((event) => (
                <Table.Row key={event.id}>
                  <Table.Cell>{format.dateTime(event.at)}</Table.Cell>
                  <Table.Cell>{event.actorName}</Table.Cell>
                  <Table.Cell>{t(ACTION_KEYS[event.action])}</Table.Cell>
                  <Table.Cell>{format.date(event.asOf)}</Table.Cell>
                  <Table.Cell className="numeric">{count(event.before)}</Table.Cell>
                  <Table.Cell className="numeric">{count(event.after)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
