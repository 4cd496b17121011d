import { Button, Card, Heading, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { RecommendationStatus } from '@nvr/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { FormDialog } from '../../../components/form-dialog';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { errorMessage } from '../../../lib/error-message';
import { useRecommendations } from '../api/get-recommendations';
import { useDeleteRecommendation, useMoveRecommendation } from '../api/save-recommendation';
import type { Recommendation, RegisterPermissions } from '../api/types';
import { RecommendationDialog } from './recommendation-dialog';
import { statusActions, StatusDialog, type StatusAction } from './status-dialog';
import './recommendations.css';

const STATUS_COLOR: Record<RecommendationStatus, 'neutral' | 'info' | 'success' | 'danger' | 'warning'> = {
  proposed: 'neutral',
  put_to_owner: 'info',
  adopted: 'success',
  rejected: 'danger',
  examine_next: 'warning',
};

/** Where focus goes after a change (see the register's focus effect). */
type FocusRequest = { kind: 'heading'; id: string } | { kind: 'move'; id: string; direction: 'up' | 'down' } | { kind: 'list' };

const LIST_ID = 'recommendations-list';
const EMPTY_ID = 'recommendations-empty';
const moveButtonId = (id: string, direction: 'up' | 'down') => `recommendation-${id}-${direction}`;

/**
 * The element a focus request points at: a card's heading; the same move button of the moved card, or
 * its other one when it reached the top or the bottom; the list, or the empty text when none are left.
 */
function focusTarget(request: FocusRequest): HTMLElement | null {
  if (request.kind === 'heading') return document.getElementById(`recommendation-${request.id}`);
  if (request.kind === 'list') return document.getElementById(LIST_ID) ?? document.getElementById(EMPTY_ID);
  const own = document.getElementById(moveButtonId(request.id, request.direction)) as HTMLButtonElement | null;
  const other = document.getElementById(moveButtonId(request.id, request.direction === 'up' ? 'down' : 'up')) as HTMLButtonElement | null;
  if (own && !own.disabled) return own;
  return other && !other.disabled ? other : document.getElementById(`recommendation-${request.id}`);
}

/**
 * The recommendations register as a numbered list of cards: each anbefaling with its begrunnelse, evidence,
 * models compared and needs, its status, and the actions this person may take (write and order, put to
 * the owner, or the owner's outcome).
 */
export function RecommendationsRegister({ projectId, permissions }: { projectId: string; permissions: RegisterPermissions }) {
  const { t } = useTranslation();
  const list = useRecommendations(projectId);
  const move = useMoveRecommendation(projectId);
  const remove = useDeleteRecommendation(projectId);
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ recommendation: Recommendation | null } | null>(null);
  const [deleting, setDeleting] = useState<Recommendation | null>(null);
  // The status dialog stays mounted once used, and closes through `open`: the Dialog then closes the
  // native <dialog>, which puts focus back where it was before focus is moved on (see focusRequest).
  const [statusMove, setStatusMove] = useState<{ recommendation: Recommendation; number: number; move: StatusAction } | null>(null);
  const [statusOpen, setStatusOpen] = useState(false);
  const focusRequest = useRef<FocusRequest | null>(null);
  const canWrite = permissions.edit && permissions.active;

  // Where focus goes once the register shows the outcome of a change: the card whose status changed,
  // the moved card's button, or the card after a deleted one. Runs after every render, after the
  // dialogs' own effects (they are children), so it comes after a closing dialog has put focus back on
  // its (maybe removed) button; and not while a move runs, as the move buttons are disabled until then.
  const moving = move.isPending;
  useEffect(() => {
    if (!focusRequest.current || moving) return;
    focusTarget(focusRequest.current)?.focus();
    focusRequest.current = null;
  });

  if (list.isPending) return <Loading label={t('recommendations.loading')} />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  const items = list.data;

  async function moveOne(r: Recommendation, direction: 'up' | 'down') {
    setMessage(null);
    try {
      const after = await move.mutateAsync({ id: r.id, direction });
      const n = after.findIndex((x) => x.id === r.id) + 1;
      setMessage(`${t('recommendations.moved')} ${t('recommendations.movedTo', { n })}`);
      focusRequest.current = { kind: 'move', id: r.id, direction };
    } catch {
      // move.error is shown below; the buttons were disabled while it ran, so focus goes back to this one.
      focusRequest.current = { kind: 'move', id: r.id, direction };
    }
  }

  async function confirmDelete() {
    if (!deleting) return;
    const index = items.findIndex((r) => r.id === deleting.id);
    const next = items[index + 1] ?? items[index - 1];
    try {
      await remove.mutateAsync(deleting.id);
      setDeleting(null);
      setMessage(t('recommendations.deleted'));
      focusRequest.current = next ? { kind: 'heading', id: next.id } : { kind: 'list' };
    } catch {
      // shown in the dialog
    }
  }

  return (
    <div className="recommendations">
      <StatusMessage message={message} />
      {move.isError && <ErrorAlert error={move.error} />}
      {canWrite && (
        <Button variant="secondary" onClick={() => setEditing({ recommendation: null })}>
          {t('recommendations.add')}
        </Button>
      )}
      {items.length === 0 ? (
        <Paragraph id={EMPTY_ID} tabIndex={-1}>
          {t('recommendations.empty')}
        </Paragraph>
      ) : (
        <List.Ordered id={LIST_ID} tabIndex={-1} aria-label={t('recommendations.listLabel')} className="recommendations__list">
          {items.map((r, i) => {
            const n = i + 1;
            const actions = statusActions(r, permissions);
            const headingId = `recommendation-${r.id}`;
            return (
              <List.Item key={r.id}>
                <Card data-color="neutral" className="recommendations__card">
                  <Heading level={2} data-size="xs" id={headingId} tabIndex={-1}>
                    <span className="recommendations__number">{t('recommendations.number', { n })}:</span> {r.title}
                  </Heading>
                  <p className="recommendations__status">
                    <span className="visually-hidden">{t('recommendations.headings.status')}: </span>
                    <Tag data-color={STATUS_COLOR[r.status]} data-size="sm">
                      {t(`recommendations.statuses.${r.status}`)}
                    </Tag>
                    {r.statusNote && <span className="muted"> {r.statusNote}</span>}
                  </p>
                  <Heading level={3} data-size="2xs">
                    {t('recommendations.headings.reasoning')}
                  </Heading>
                  <Paragraph className="recommendations__text">{r.reasoning || t('recommendations.noReasoning')}</Paragraph>
                  {(r.evidence || r.evidenceRefs.length > 0) && (
                    <>
                      <Heading level={3} data-size="2xs">
                        {t('recommendations.headings.evidence')}
                      </Heading>
                      {r.evidence && <Paragraph className="recommendations__text">{r.evidence}</Paragraph>}
                      {r.evidenceRefs.length > 0 && (
                        <List.Unordered>
                          {r.evidenceRefs.map((ref) => {
                            const title = ref.label ?? t('recommendations.evidenceDeleted');
                            return (
                              <List.Item
                                key={ref.kind === 'survey' ? `s:${ref.surveyId}:${ref.questionKey ?? ''}` : `c:${ref.conversationId}`}
                              >
                                {ref.kind === 'survey'
                                  ? t('recommendations.evidenceSurvey', { title })
                                  : t('recommendations.evidenceConversation', { title })}
                              </List.Item>
                            );
                          })}
                        </List.Unordered>
                      )}
                    </>
                  )}
                  {r.modelsCompared && (
                    <>
                      <Heading level={3} data-size="2xs">
                        {t('recommendations.headings.modelsCompared')}
                      </Heading>
                      <Paragraph className="recommendations__text">{r.modelsCompared}</Paragraph>
                    </>
                  )}
                  {r.needs.length > 0 && (
                    <>
                      <Heading level={3} data-size="2xs">
                        {t('recommendations.headings.needs')}
                      </Heading>
                      <p className="tag-list">
                        {r.needs.map((need) => (
                          <Tag key={need} data-size="sm">
                            {t(`needs.categories.${need}`)}
                          </Tag>
                        ))}
                      </p>
                    </>
                  )}
                  {(canWrite || actions.length > 0) && (
                    <div className="row-actions recommendations__actions">
                      {actions.map((a) => (
                        <Button
                          key={a.to}
                          data-size="sm"
                          variant={a.to === 'adopted' || a.to === 'put_to_owner' ? 'primary' : 'secondary'}
                          onClick={() => {
                            setStatusMove({ recommendation: r, number: n, move: a });
                            setStatusOpen(true);
                          }}
                        >
                          {t(`recommendations.actions.${a.action}`)}
                        </Button>
                      ))}
                      {canWrite && (
                        <>
                          <Button
                            id={moveButtonId(r.id, 'up')}
                            data-size="sm"
                            variant="tertiary"
                            disabled={i === 0 || move.isPending}
                            aria-label={t('recommendations.moveUpLabel', { n })}
                            onClick={() => void moveOne(r, 'up')}
                          >
                            {t('recommendations.moveUp')}
                          </Button>
                          <Button
                            id={moveButtonId(r.id, 'down')}
                            data-size="sm"
                            variant="tertiary"
                            disabled={i === items.length - 1 || move.isPending}
                            aria-label={t('recommendations.moveDownLabel', { n })}
                            onClick={() => void moveOne(r, 'down')}
                          >
                            {t('recommendations.moveDown')}
                          </Button>
                        </>
                      )}
                      {canWrite && r.status === 'proposed' && (
                        <>
                          <Button
                            data-size="sm"
                            variant="tertiary"
                            aria-label={t('recommendations.editLabel', { n })}
                            onClick={() => setEditing({ recommendation: r })}
                          >
                            {t('recommendations.edit')}
                          </Button>
                          <Button
                            data-size="sm"
                            variant="tertiary"
                            data-color="danger"
                            aria-label={t('recommendations.deleteLabel', { n })}
                            onClick={() => {
                              remove.reset();
                              setDeleting(r);
                            }}
                          >
                            {t('recommendations.delete')}
                          </Button>
                        </>
                      )}
                    </div>
                  )}
                </Card>
              </List.Item>
            );
          })}
        </List.Ordered>
      )}
      {canWrite && (
        <RecommendationDialog
          projectId={projectId}
          open={editing !== null}
          onClose={() => setEditing(null)}
          recommendation={editing?.recommendation ?? null}
          onSaved={setMessage}
        />
      )}
      {statusMove && (
        <StatusDialog
          projectId={projectId}
          open={statusOpen}
          recommendation={statusMove.recommendation}
          number={statusMove.number}
          move={statusMove.move}
          onClose={() => setStatusOpen(false)}
          onDone={(done) => {
            setMessage(done);
            setStatusOpen(false);
            focusRequest.current = { kind: 'heading', id: statusMove.recommendation.id };
          }}
        />
      )}
      <FormDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('recommendations.deleteTitle')}
        onConfirm={() => void confirmDelete()}
        pending={remove.isPending}
        submitLabel={t('recommendations.delete')}
        submitColor="danger"
        formError={remove.error ? errorMessage(remove.error, t) : undefined}
      >
        <Paragraph>{t('recommendations.deleteConfirm', { title: deleting?.title ?? '' })}</Paragraph>
      </FormDialog>
    </div>
  );
}
