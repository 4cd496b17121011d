import { useEffect, useId, useRef, useState } from 'react';
import { Button, Field, Heading, Label, Paragraph, Select, Table, ValidationMessage } from '@digdir/designsystemet-react';
import { FilesIcon, LinkIcon } from '@navikt/aksel-icons';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/form-dialog';
import { FormError } from '../../../components/form-error';
import { errorMessage } from '../../../lib/error-message';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateLink } from '../api/create-link';
import { useDisableLink } from '../api/disable-link';
import type { Survey, SurveyLink } from '../api/types';
import { TableScroll } from '../../../components/table-scroll';

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
  // CreateLinkDto: the kommune the link counts answers for ('general': none). A link that exists, or a
  // kommune no longer in the project, is refused at the choice.
  const form = useApiForm<{ target: string }>({
    defaultValues: { target: 'general' },
    codeFields: { SURVEY_LINK_EXISTS: 'target', KOMMUNE_NOT_IN_PROJECT: 'target' },
  });
  const target = useWatch({ control: form.control, name: 'target' });
  const [announce, setAnnounce] = useState('');
  const [disabling, setDisabling] = useState<SurveyLink | null>(null);
  /** The element to focus once the table shows a change (a row gone, or the create button disabled while it ran). */
  const focusId = useRef<string | null>(null);
  const announceTimer = useRef<number | undefined>(undefined);
  const createId = `${headingId}-create`;
  const copyId = (link: SurveyLink) => `${headingId}-copy-${link.id}`;
  const active = survey.links.filter((l) => !l.disabledAt);
  const taken = new Set(active.map((l) => l.kommuneId ?? 'general'));
  const choices = [{ id: 'general', name: t('surveys.links.general') }, ...kommuner].filter((c) => !taken.has(c.id));
  const chosen = choices.some((c) => c.id === target) ? target : (choices[0]?.id ?? '');
  const nameOf = (link: SurveyLink) => (link.kommuneId ? (link.kommuneName ?? link.kommuneId) : t('surveys.links.general'));

  // After every render, after the dialog's own effect (children's effects run first), and only once the
  // create button is enabled again.
  const creating = create.isPending;
  useEffect(() => {
    if (!focusId.current || creating) return;
    document.getElementById(focusId.current)?.focus();
    focusId.current = null;
  });

  useEffect(() => () => window.clearTimeout(announceTimer.current), []);

  /**
   * Puts a message in the live region: emptied first and filled a moment later, so that the same
   * message twice (copying the same link again) is a change that screen readers announce.
   */
  function say(text: string) {
    window.clearTimeout(announceTimer.current);
    setAnnounce('');
    announceTimer.current = window.setTimeout(() => setAnnounce(text), 100);
  }

  const createLink = () =>
    form.handleSubmit(async () => {
      try {
        const link = await create.mutateAsync(chosen === 'general' ? {} : { kommuneId: chosen });
        say(t('surveys.links.created', { name: choices.find((c) => c.id === chosen)?.name ?? '' }));
        // The button was disabled while it ran; it goes when the last kommune has its link, so then the new link's copy button.
        focusId.current = choices.length > 1 ? createId : copyId(link);
      } catch (error) {
        form.applyServerErrors(error);
        if (!form.getFieldState('target').error) focusId.current = createId;
      }
    })();

  async function copy(link: SurveyLink) {
    try {
      await navigator.clipboard.writeText(link.url);
      say(t('surveys.links.copied', { name: nameOf(link) }));
    } catch {
      say(t('surveys.links.copyFailed'));
    }
  }

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId} tabIndex={-1}>
        {t('surveys.links.heading')}
      </Heading>
      <Paragraph>{t('surveys.links.intro')}</Paragraph>
      {active.length === 0 ? (
        <Paragraph>{t('surveys.links.none')}</Paragraph>
      ) : (
        <TableScroll>
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
                      <Button id={copyId(link)} type="button" variant="secondary" data-size="sm" onClick={() => void copy(link)}>
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
        </TableScroll>
      )}
      <div aria-live="polite" aria-atomic="true" className="survey-link__status">
        {announce}
      </div>
      {choices.length > 0 && (
        <div className="form__row survey-link__create">
          <Controller
            control={form.control}
            name="target"
            render={({ field, fieldState }) => (
              <Field>
                <Label>{t('surveys.links.createFor')}</Label>
                <Select
                  ref={field.ref}
                  name={field.name}
                  value={chosen}
                  onChange={(e) => field.onChange(e.target.value)}
                  aria-invalid={fieldState.error ? true : undefined}
                >
                  {choices.map((c) => (
                    <Select.Option key={c.id} value={c.id}>
                      {c.name}
                    </Select.Option>
                  ))}
                </Select>
                {fieldState.error && <ValidationMessage>{fieldState.error.message}</ValidationMessage>}
              </Field>
            )}
          />
          <Button id={createId} type="button" loading={creating} disabled={creating} onClick={() => void createLink()}>
            <LinkIcon aria-hidden="true" />
            {t('surveys.links.create')}
          </Button>
        </div>
      )}
      <FormError message={form.formError} />
      <FormDialog
        open={disabling !== null}
        onClose={() => setDisabling(null)}
        title={t('surveys.links.disableTitle', { name: disabling ? nameOf(disabling) : '' })}
        onConfirm={() => {
          if (!disabling) return;
          const link = disabling;
          // The row goes: focus moves to the next row's first button, the previous row's, or the heading.
          const index = active.findIndex((l) => l.id === link.id);
          const neighbour = active[index + 1] ?? active[index - 1];
          disable.mutate(link.id, {
            onSuccess: () => {
              setDisabling(null);
              say(t('surveys.links.disabled', { name: nameOf(link) }));
              focusId.current = neighbour ? copyId(neighbour) : headingId;
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
