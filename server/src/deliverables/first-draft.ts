import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  countNeedsAcross,
  formatShare,
  surveyText,
  tallySurvey,
  todayInOslo,
  type ConversationKind,
  type Lang,
  type QuestionTally,
  type SurveyQuestion,
  type SurveyTally,
} from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { date } from '../documents/labels';
import {
  findDraftConversations,
  findDraftDeliverable,
  findDraftRecommendations,
  findDraftResponses,
  findDraftSurveys,
  type DraftConversationRecord,
  type DraftRecommendationRecord,
  type DraftSurveyRecord,
  type EvidenceRef,
  type FrozenResults,
} from './first-draft.queries';
import { counted, decimal, draftWord, joinList, kindCount, kindWord, needWord, statusWord } from './first-draft.words';
import './first-draft.errors';

/**
 * First drafts of the forstudie's two deliverables that the kartlegging can write (issue 12, item 7):
 * "Kartlegging av næringslivets behov" from the surveys and conversations, "Overordnet anbefaling" from
 * the recommendations register. The draft is plain text in paragraphs separated by a blank line, as
 * deliverable.content holds it (the page shows it pre-wrapped; the documents split paragraphs on blank
 * lines). Nothing is stored: the leader puts the draft into the text field, edits it and saves it.
 */
export const FIRST_DRAFT_KEYS = ['business_needs', 'recommendation'] as const;
export type FirstDraftKey = (typeof FIRST_DRAFT_KEYS)[number];

/** A survey with its questions and tally, as the draft reads it. */
export interface DraftSurvey {
  survey: DraftSurveyRecord;
  tally: SurveyTally;
  frozen: boolean;
}

@Injectable()
export class FirstDraftService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async draft(projectId: string, deliverableId: string, lang: Lang): Promise<{ content: string }> {
    return this.db.transaction('REPEATABLE READ', async (em) => {
      const d = await findDraftDeliverable(em, projectId, deliverableId);
      if (!d) throw new DomainError('DELIVERABLE_NOT_FOUND', `The project has no deliverable with id ${deliverableId}.`);
      const key = d.phase_key === 'forstudie' ? FIRST_DRAFT_KEYS.find((k) => k === d.catalogue_key) : undefined;
      if (!key) {
        throw new DomainError(
          'NO_FIRST_DRAFT',
          'Only the forstudie’s “Kartlegging av næringslivets behov” and “Overordnet anbefaling” can be drafted from the mapping; write this deliverable yourself.',
        );
      }
      const today = todayInOslo();
      if (key === 'business_needs') {
        const surveys = await this.surveys(em, projectId);
        const conversations = await findDraftConversations(em, projectId);
        return { content: businessNeedsDraft(surveys, conversations, lang, today) };
      }
      const [recommendations, surveys, conversations] = [
        await findDraftRecommendations(em, projectId),
        await findDraftSurveys(em, projectId),
        await findDraftConversations(em, projectId),
      ];
      return { content: recommendationDraft(recommendations, surveys, conversations, lang, today) };
    });
  }

  /** Every survey of the project with its tally: counted from the answers, or the stored tally once they are deleted. */
  private async surveys(em: EntityManager, projectId: string): Promise<DraftSurvey[]> {
    const out: DraftSurvey[] = [];
    for (const survey of await findDraftSurveys(em, projectId)) {
      const frozen = frozenTally(survey.frozen_results);
      if (survey.raw_deleted_at && frozen) {
        out.push({ survey: { ...survey, response_count: frozen.total }, tally: frozen, frozen: true });
        continue;
      }
      const responses = await findDraftResponses(em, survey.id);
      const tally = tallySurvey(
        survey.questions,
        responses.map((r) => ({ answers: r.answers, kommuneId: r.kommune_id })),
      );
      out.push({ survey, tally, frozen: false });
    }
    return out;
  }
}

function frozenTally(frozen: FrozenResults | null): SurveyTally | null {
  if (!frozen) return null;
  if ('tally' in frozen && frozen.tally) return frozen.tally;
  if ('total' in frozen && 'questions' in frozen) return frozen;
  return null;
}

/** "Kartlegging av næringslivets behov": method, per question the main shares, the needs, the conversations. */
export function businessNeedsDraft(surveys: DraftSurvey[], conversations: DraftConversationRecord[], lang: Lang, today: string): string {
  const blocks: string[] = [draftWord('draftNote', lang, { date: date(today, lang) })];

  blocks.push(draftWord('method', lang));
  if (surveys.length === 0 && conversations.length === 0) blocks.push(draftWord('noMapping', lang));
  for (const s of surveys) blocks.push(surveyMethod(s, lang));
  if (conversations.length > 0) blocks.push(conversationMethod(conversations, lang));

  for (const s of surveys) {
    if (s.tally.total === 0) continue;
    blocks.push(draftWord('results', lang, { title: s.survey.title }));
    if (s.frozen) blocks.push(draftWord('frozen', lang));
    for (const q of s.survey.questions) {
      const t = s.tally.questions.find((x) => x.key === q.key);
      if (t) blocks.push(questionBlock(q, t, s.tally.total, lang));
    }
  }

  blocks.push(draftWord('needs', lang));
  blocks.push(needsBlock(surveys, conversations, lang));

  if (conversations.length > 0) {
    blocks.push(draftWord('conversationList', lang));
    blocks.push(conversations.map((c) => conversationLine(c, lang)).join('\n'));
  }
  return blocks.join('\n\n');
}

function surveyMethod({ survey: s }: DraftSurvey, lang: Lang): string {
  const closedOn = s.closed_at ?? (s.closes_at && s.closes_at <= todayInOslo() ? s.closes_at : null);
  const params = { title: s.title, count: s.response_count, from: date(s.opens_at, lang), to: date(closedOn, lang) };
  const lines = [draftWord(!s.opens_at ? 'surveyNotOpened' : closedOn ? 'surveyOpenedClosed' : 'surveyOpen', lang, params)];
  const kommuner = joinList(s.link_kommuner, lang);
  if (s.general_link && s.link_kommuner.length > 0) lines.push(draftWord('linksGeneralAndKommuner', lang, { kommuner }));
  else if (s.general_link) lines.push(draftWord('linksGeneral', lang));
  else if (s.link_kommuner.length > 0) lines.push(draftWord('linksKommuner', lang, { kommuner }));
  lines.push(draftWord('anonymous', lang, { min: s.min_group_size }));
  return lines.join(' ');
}

function conversationMethod(conversations: DraftConversationRecord[], lang: Lang): string {
  const kinds: ConversationKind[] = ['interview', 'meeting', 'workshop'];
  const parts = kinds
    .map((k) => [k, conversations.filter((c) => c.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => kindCount(k, n, lang));
  const participants = conversations.reduce((sum, c) => sum + c.participant_count, 0);
  return draftWord('conversations', lang, { list: joinList(parts, lang), participants });
}

/** One question: its text, how many answered, then one line per option (or the mean, or the number of texts). */
function questionBlock(q: SurveyQuestion, t: QuestionTally, total: number, lang: Lang): string {
  const answered = draftWord('answeredOf', lang, { answered: t.answered, total });
  const note = q.kind === 'multiple' ? `; ${draftWord('multipleNote', lang)}` : '';
  const lines = [`${surveyText(q.text, lang)} (${answered}${note})`];
  if ((q.kind === 'single' || q.kind === 'multiple') && t.options) {
    for (const o of t.options) {
      const option = q.options?.find((x) => x.key === o.key);
      lines.push(`– ${option ? surveyText(option.label, lang) : o.key}: ${formatShare(o.share, o.count, lang)}`);
    }
  } else if (q.kind === 'scale') {
    if (t.mean !== undefined) lines.push(`– ${draftWord('mean', lang, { mean: decimal(t.mean, lang) })}`);
    for (const o of t.options ?? []) {
      const end = o.key === '1' ? q.scaleLabels?.min : o.key === '5' ? q.scaleLabels?.max : undefined;
      lines.push(`– ${o.key}${end ? ` (${surveyText(end, lang)})` : ''}: ${formatShare(o.share, o.count, lang)}`);
    }
  } else if (q.kind === 'number') {
    if (t.mean !== undefined && t.median !== undefined)
      lines.push(`– ${draftWord('numberSummary', lang, { mean: decimal(t.mean, lang), median: decimal(t.median, lang) })}`);
  } else {
    lines.push(`– ${draftWord('texts', lang, { count: t.textCount ?? t.answered })}`);
  }
  return lines.join('\n');
}

/** The needs overview (countNeedsAcross): survey respondents summed over the surveys, conversations tagged with each need. */
export function needsOverview(surveys: DraftSurvey[], conversations: DraftConversationRecord[]) {
  return countNeedsAcross(
    surveys.map((s) => ({ questions: s.survey.questions, tally: s.tally })),
    conversations,
  )
    .filter((r) => r.surveyRespondents > 0 || r.conversations > 0)
    .sort((a, b) => b.surveyRespondents - a.surveyRespondents || b.conversations - a.conversations);
}

function needsBlock(surveys: DraftSurvey[], conversations: DraftConversationRecord[], lang: Lang): string {
  const rows = needsOverview(surveys, conversations);
  if (rows.length === 0) return draftWord('noNeeds', lang);
  return rows
    .map(
      (r) =>
        `– ${draftWord('needLine', lang, {
          need: needWord(r.need, lang),
          respondents: counted('respondent', r.surveyRespondents, lang),
          conversations: counted('conversation', r.conversations, lang),
        })}`,
    )
    .join('\n');
}

function conversationLine(c: DraftConversationRecord, lang: Lang): string {
  const about = [kindWord(c.kind, lang).toLowerCase(), ...(c.kommune_name ? [c.kommune_name] : [])].join(', ');
  const needs =
    c.needs.length > 0 ? ` ${draftWord('revealedNeeds', lang, { needs: c.needs.map((n) => needWord(n, lang)).join(', ') })}.` : '';
  return `– ${date(c.held_on, lang)}: ${c.title} (${about}), ${counted('participant', c.participant_count, lang)}.${needs}`;
}

/** "Overordnet anbefaling": each recommendation in the register's order, with its reasoning, evidence, models and status. */
export function recommendationDraft(
  recommendations: DraftRecommendationRecord[],
  surveys: DraftSurveyRecord[],
  conversations: DraftConversationRecord[],
  lang: Lang,
  today: string,
): string {
  const blocks: string[] = [draftWord('draftNote', lang, { date: date(today, lang) })];
  if (recommendations.length === 0) blocks.push(draftWord('noRecommendations', lang));
  recommendations.forEach((r, i) => {
    const lines = [draftWord('recommendation', lang, { n: i + 1, title: r.title.trim() })];
    if (r.reasoning.trim()) lines.push(draftWord('reasoning', lang, { text: r.reasoning.trim() }));
    if (r.evidence.trim()) lines.push(draftWord('evidence', lang, { text: r.evidence.trim() }));
    const sources = r.evidence_refs.map((ref) => sourceText(ref, surveys, conversations, lang)).filter((s): s is string => s !== null);
    if (sources.length > 0) lines.push(draftWord('sources', lang, { list: joinList(sources, lang) }));
    if (r.models_compared.trim()) lines.push(draftWord('models', lang, { text: r.models_compared.trim() }));
    lines.push(draftWord('status', lang, { status: statusWord(r.status, lang) }));
    if (r.status_note.trim()) lines.push(draftWord('statusNote', lang, { text: r.status_note.trim() }));
    blocks.push(lines.join('\n'));
  });
  return blocks.join('\n\n');
}

function sourceText(ref: EvidenceRef, surveys: DraftSurveyRecord[], conversations: DraftConversationRecord[], lang: Lang): string | null {
  if (ref.kind === 'survey') {
    const s = surveys.find((x) => x.id === ref.surveyId);
    if (!s) return null;
    const q = ref.questionKey ? s.questions.find((x) => x.key === ref.questionKey) : undefined;
    return q
      ? draftWord('sourceQuestion', lang, { question: surveyText(q.text, lang), title: s.title })
      : draftWord('sourceSurvey', lang, { title: s.title });
  }
  const c = conversations.find((x) => x.id === ref.conversationId);
  if (!c) return null;
  return draftWord('sourceConversation', lang, { kind: kindWord(c.kind, lang).toLowerCase(), title: c.title, date: date(c.held_on, lang) });
}
