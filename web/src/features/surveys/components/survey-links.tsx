import { useId, useState } from 'react';
import { Button, Field, Heading, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { FilesIcon, LinkIcon } from '@navikt/aksel-icons';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { FormDialog } from '../../../components/form-dialog';
import { errorMessage } from '../../../lib/error-message';
import { useCreateLink } from '../api/create-link';
import { useDisableLink } from '../api/disable-link';
import type { Survey, SurveyLink } from '../api/types';

/**
 * The survey's public links: one general link and one per kommune of the project (answers through a
 * kommune's link count for that kommune). Each shows its address with a copy button and can be turned off.
 */
export function SurveyLinks({
  projectId,
  survey,
  kommuner,
}: {
  projectId: string;
  survey: Survey;
  kommuner: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const create = useCreateLink(projectId, survey.id);
  const disable = useDisableLink(projectId, survey.id);
  const [target, setTarget] = useState('general');
  const [announce, setAnnounce] = useState('');
  const [disabling, setDisabling] = useState<SurveyLink | null>(null);
  const active = survey.links.filter((l) => !l.disabledAt);
  const taken = new Set(active.map((l) => l.kommuneId ?? 'general'));
  const choices = [{ id: 'general', name: t('surveys.links.general') }, ...kommuner].filter((c) => !taken.has(c.id));
  const chosen = choices.some((c) => c.id === target) ? target : (choices[0]?.id ?? '');
  const nameOf = (link: SurveyLink) => (link.kommuneId ? (link.kommuneName ?? link.kommuneId) : t('surveys.links.general'));

  async function copy(link: SurveyLink) {
    try {
      await navigator.clipboard.writeText(link.url);
      setAnnounce(t('surveys.links.copied', { name: nameOf(link) }));
    } catch {
      setAnnounce(t('surveys.links.copyFailed'));
    }
  }

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('surveys.links.heading')}
      </Heading>
      <Paragraph>{t('surveys.links.intro')}</Paragraph>
      {active.length === 0 ? (
        <Paragraph>{t('surveys.links.none')}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table zebra border>
            <caption className="visually-hidden">{t('surveys.links.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('surveys.links.columns.for')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('surveys.links.columns.url')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('surveys.links.columns.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {active.map((link) => (
                <Table.Row key={link.id}>
                  <Table.HeaderCell scope="row">{nameOf(link)}</Table.HeaderCell>
                  <Table.Cell>
                    <code className="survey-link__url">{link.url}</code>
                  </Table.Cell>
                  <Table.Cell>
                    <div className="survey-link__actions">
                      <Button type="button" variant="secondary" data-size="sm" onClick={() => void copy(link)}>
                        <FilesIcon aria-hidden="true" />
                        {t('surveys.links.copy')}
                        <span className="visually-hidden">{nameOf(link)}</span>
                      </Button>
                      <Button type="button" variant="tertiary" data-color="danger" data-size="sm" onClick={() => setDisabling(link)}>
                        {t('surveys.links.disable')}
                        <span className="visually-hidden">{nameOf(link)}</span>
                      </Button>
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <div aria-live="polite" aria-atomic="true" className="survey-link__status">
        {announce}
      </div>
      {choices.length > 0 && (
        <div className="form__row survey-link__create">
          <Field>
            <Label>{t('surveys.links.createFor')}</Label>
            <Select value={chosen} onChange={(e) => setTarget(e.target.value)}>
              {choices.map((c) => (
                <Select.Option key={c.id} value={c.id}>
                  {c.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Button
            type="button"
            loading={create.isPending}
            disabled={create.isPending}
            onClick={() =>
              create.mutate(chosen === 'general' ? {} : { kommuneId: chosen }, {
                onSuccess: () => setAnnounce(t('surveys.links.created', { name: choices.find((c) => c.id === chosen)?.name ?? '' })),
              })
            }
          >
            <LinkIcon aria-hidden="true" />
            {t('surveys.links.create')}
          </Button>
        </div>
      )}
      {create.error ? <ErrorAlert error={create.error} /> : null}
      <FormDialog
        open={disabling !== null}
        onClose={() => setDisabling(null)}
        title={t('surveys.links.disableTitle', { name: disabling ? nameOf(disabling) : '' })}
        onConfirm={() => {
          if (!disabling) return;
          const link = disabling;
          disable.mutate(link.id, {
            onSuccess: () => {
              setDisabling(null);
              setAnnounce(t('surveys.links.disabled', { name: nameOf(link) }));
            },
          });
        }}
        pending={disable.isPending}
        submitLabel={t('surveys.links.disableConfirm')}
        submitColor="danger"
        formError={disable.error ? errorMessage(disable.error, t) : undefined}
      >
        <Paragraph>{t('surveys.links.disableBody')}</Paragraph>
      </FormDialog>
    </section>
  );
}
