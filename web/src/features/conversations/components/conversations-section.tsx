import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { FormDialog } from '../../../components/form-dialog';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { errorMessage } from '../../../lib/error-message';
import { useFormat } from '../../../lib/format';
import { useGuides, useProjectContext } from '../api/get-context';
import { useConversations } from '../api/get-conversations';
import { useDeleteConversation } from '../api/save-conversation';
import type { Conversation, Guide } from '../api/types';
import { ConversationDialog } from './conversation-dialog';
import './conversations.css';
import { TableScroll } from '../../../components/table-scroll';

/** A stable empty list while the guides load (the dialog resets its form when the list changes). */
const NO_GUIDES: Guide[] = [];

const editButtonId = (id: string) => `conversation-${id}-edit`;

/** The kartlegging's interviews, meetings and workshops: a table, and a dialog to record or edit one. */
export function ConversationsSection({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const conversations = useConversations(projectId);
  const context = useProjectContext(projectId);
  const guides = useGuides();
  const remove = useDeleteConversation(projectId);
  const [editing, setEditing] = useState<Conversation | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [deleting, setDeleting] = useState<Conversation | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  /** The element to focus once the table shows a deletion (the deleted row's buttons are gone). */
  const focusId = useRef<string | null>(null);

  const canEdit = Boolean(context.data?.canEdit && context.data.active);
  /** The plural form from the number, the number written the language's way ("1 234"). */
  const counted = (count: number) => ({ count, replace: { count: format.number(count) } });

  // After every render, and after the delete dialog's own effect has closed it (children's effects run first).
  useEffect(() => {
    if (!focusId.current) return;
    document.getElementById(focusId.current)?.focus();
    focusId.current = null;
  });

  function openDialog(c: Conversation | null) {
    setEditing(c);
    setDialogOpen(true);
    setMessage(null);
  }

  async function confirmDelete() {
    if (!deleting) return;
    // Focus goes to the next row's first button, or the previous row's, or the heading when none is left.
    const rows = conversations.data ?? [];
    const index = rows.findIndex((c) => c.id === deleting.id);
    const neighbour = rows[index + 1] ?? rows[index - 1];
    try {
      await remove.mutateAsync(deleting.id);
      setMessage(t('needs.conversations.deleted', { title: deleting.title }));
      setDeleting(null);
      focusId.current = neighbour ? editButtonId(neighbour.id) : headingId;
    } catch {
      // The dialog shows the error below.
    }
  }

  let body;
  if (conversations.isPending || context.isPending) body = <Loading label={t('needs.conversations.loading')} />;
  else if (conversations.isError) body = <ErrorAlert error={conversations.error} />;
  else if (context.isError) body = <ErrorAlert error={context.error} />;
  else if (conversations.data.length === 0) body = <Paragraph>{t('needs.conversations.empty')}</Paragraph>;
  else
    body = (
      <TableScroll>
        <Table zebra border data-size="sm" className="conversations-table">
          <caption>{t('needs.conversations.caption', counted(conversations.data.length))}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('needs.conversations.columns.date')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('needs.conversations.columns.title')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('needs.conversations.columns.kind')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('needs.conversations.columns.kommune')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('needs.conversations.columns.participants')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('needs.conversations.columns.needs')}</Table.HeaderCell>
              {canEdit && <Table.HeaderCell scope="col">{t('needs.conversations.columns.actions')}</Table.HeaderCell>}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {conversations.data.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>{format.date(c.heldOn)}</Table.Cell>
                <Table.HeaderCell scope="row">{c.title}</Table.HeaderCell>
                <Table.Cell>{t(`needs.conversations.kinds.${c.kind}`)}</Table.Cell>
                <Table.Cell>{c.kommuneName ?? '–'}</Table.Cell>
                <Table.Cell>
                  {t('needs.conversations.participants', counted(c.participantCount))}
                  {c.participantNames && (
                    <>
                      <br />
                      <span className="muted">{t('needs.conversations.namesRecorded')}</span>
                    </>
                  )}
                </Table.Cell>
                <Table.Cell>
                  {c.needs.length === 0 ? (
                    <span className="muted">{t('needs.conversations.noNeeds')}</span>
                  ) : (
                    <span className="tag-list">
                      {c.needs.map((n) => (
                        <Tag key={n} data-size="sm">
                          {t(`needs.categories.${n}`)}
                        </Tag>
                      ))}
                    </span>
                  )}
                </Table.Cell>
                {canEdit && (
                  <Table.Cell>
                    <span className="row-actions">
                      <Button
                        id={editButtonId(c.id)}
                        variant="tertiary"
                        data-size="sm"
                        aria-label={t('needs.conversations.editLabel', { title: c.title })}
                        onClick={() => openDialog(c)}
                      >
                        {t('needs.conversations.edit')}
                      </Button>
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        data-color="danger"
                        aria-label={t('needs.conversations.deleteLabel', { title: c.title })}
                        onClick={() => {
                          remove.reset();
                          setDeleting(c);
                        }}
                      >
                        {t('needs.conversations.delete')}
                      </Button>
                    </span>
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    );

  return (
    <section aria-labelledby={headingId} className="conversations-section">
      <Heading level={2} data-size="sm" id={headingId} tabIndex={-1}>
        {t('needs.conversations.heading')}
      </Heading>
      <Paragraph>{t('needs.conversations.intro')}</Paragraph>
      <StatusMessage message={message} />
      {canEdit && (
        <Button variant="secondary" onClick={() => openDialog(null)}>
          {t('needs.conversations.record')}
        </Button>
      )}
      {body}
      {canEdit && context.data && (
        <ConversationDialog
          projectId={projectId}
          open={dialogOpen}
          onClose={() => setDialogOpen(false)}
          conversation={editing}
          guides={guides.data ?? NO_GUIDES}
          context={context.data}
          onSaved={setMessage}
        />
      )}
      <FormDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('needs.conversations.deleteTitle')}
        onConfirm={() => void confirmDelete()}
        pending={remove.isPending}
        submitLabel={t('needs.conversations.delete')}
        submitColor="danger"
        formError={remove.error ? errorMessage(remove.error, t) : undefined}
      >
        <Paragraph>{t('needs.conversations.deleteConfirm', { title: deleting?.title ?? '' })}</Paragraph>
      </FormDialog>
    </section>
  );
}
