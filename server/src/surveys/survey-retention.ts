import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { crossTabulate, tallySurvey, todayInOslo, type CrossTab, type SurveyAnswers, type SurveyQuestion, osloHour } from '@nvr/shared';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { execute, queryOne, queryRows } from '../database/sql';
import { JobQueue } from '../jobs/job-queue.service';
import type { FrozenResults } from './survey-results.service';

export const SURVEY_RETENTION_JOB = 'surveys.retention';
/** The daily run starts from this hour (Oslo time), when few people work. */
const RUN_FROM_HOUR = 3;
/** Who the project's history names for the deletion. */
const ACTOR_NAME = 'Oppbevaringsregel (automatisk)';

/** The project `p` ended (completed or stopped) more than $1 days ago. */
const ENDED_BEFORE_RETENTION = `p.status IN ('completed', 'stopped')
          AND coalesce(
                (SELECT max(h.at) FROM history_event h
                  WHERE h.project_id = p.id AND h.action IN ('project.completed', 'project.stopped')),
                p.updated_at) < now() - make_interval(days => $1)`;

/**
 * Privacy by retention: the raw answers of a survey are kept while they are useful, then deleted. A daily
 * job finds surveys of projects that ended (completed or stopped) more than SURVEY_RETENTION_DAYS ago,
 * stores the aggregated results (the tally, and every cross-tab by the grouping question and by kommune,
 * suppressed as published) in survey.frozen_results, and deletes the survey's responses, each survey in
 * its own transaction. Results are then read from the stored figures. The same job forgets the names of
 * the participants in those projects' interviews, meetings and workshops (the number of participants stays).
 */
@Injectable()
export class SurveyRetention implements OnModuleInit {
  private readonly logger = new Logger('SurveyRetention');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.queue.register(SURVEY_RETENTION_JOB, async () => {
      const n = await this.run();
      if (n) this.logger.log(`Deleted the raw answers of ${n} survey(s) past the retention period`);
    });
    // Once a day from 03:00 Oslo time; the day is the unique key, so several instances enqueue one run.
    this.queue.schedule({
      kind: SURVEY_RETENTION_JOB,
      key: (now) => (osloHour(now) >= RUN_FROM_HOUR ? `${SURVEY_RETENTION_JOB}:${todayInOslo(now)}` : null),
    });
  }

  /**
   * Freezes and deletes the raw answers of every survey past retention, and forgets the participants' names
   * of conversations past retention; answers how many surveys.
   */
  async run(retentionDays = this.config.surveyRetentionDays): Promise<number> {
    const due = await queryRows<{ id: string }>(
      this.db,
      `SELECT s.id FROM survey s JOIN project p ON p.id = s.project_id
        WHERE s.raw_deleted_at IS NULL AND ${ENDED_BEFORE_RETENTION}
        ORDER BY s.id`,
      [retentionDays],
    );
    let done = 0;
    for (const { id } of due) if (await this.freeze(id)) done += 1;
    const names = await this.forgetNames(retentionDays);
    if (names) this.logger.log(`Deleted the participants' names of ${names} conversation(s) past the retention period`);
    return done;
  }

  /**
   * Clears the participants' names (and the consent to keep them) of every conversation of a project past
   * retention, each noted in the project's history; answers how many conversations.
   */
  async forgetNames(retentionDays = this.config.surveyRetentionDays): Promise<number> {
    return this.db.transaction(async (tx) => {
      const cleared = await queryRows<{ id: string; project_id: string; had_names: boolean }>(
        tx,
        `WITH old AS (
           SELECT c.id, c.participant_names IS NOT NULL AS had_names FROM conversation c JOIN project p ON p.id = c.project_id
            WHERE (c.participant_names IS NOT NULL OR c.names_consent) AND ${ENDED_BEFORE_RETENTION}
              FOR UPDATE OF c)
         UPDATE conversation c SET participant_names = NULL, names_consent = false, version = c.version + 1, updated_at = now()
           FROM old WHERE c.id = old.id
         RETURNING c.id, c.project_id, old.had_names`,
        [retentionDays],
      );
      for (const c of cleared) {
        await execute(
          tx,
          `INSERT INTO history_event (project_id, actor_id, actor_name, action, entity_type, entity_id, before, after)
           VALUES ($1, NULL, $2, 'conversation.updated', 'conversation', $3, $4, $5)`,
          [
            c.project_id,
            ACTOR_NAME,
            c.id,
            JSON.stringify({ namesRecorded: c.had_names, namesConsent: true }),
            JSON.stringify({ namesRecorded: false, namesConsent: false }),
          ],
        );
      }
      return cleared.length;
    });
  }

  /** One survey: store the aggregated results, delete the responses, note it in the project's history. */
  private freeze(surveyId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const s = await queryOne<{ project_id: string; questions: SurveyQuestion[]; min_group_size: number; raw_deleted_at: Date | null }>(
        tx,
        `SELECT project_id, questions, min_group_size, raw_deleted_at FROM survey WHERE id = $1 FOR UPDATE`,
        [surveyId],
      );
      if (!s || s.raw_deleted_at) return false;
      const responses = await queryRows<{ answers: SurveyAnswers; kommuneId: string | null }>(
        tx,
        `SELECT answers, kommune_id AS "kommuneId" FROM survey_response WHERE survey_id = $1`,
        [surveyId],
      );
      const kommuner = await queryRows<{ id: string; name: string }>(
        tx,
        `SELECT k.id, k.name FROM kommune k
          WHERE k.id IN (SELECT kommune_id FROM project_kommune WHERE project_id = $1)
             OR k.id IN (SELECT kommune_id FROM survey_link WHERE survey_id = $2 AND kommune_id IS NOT NULL)
          ORDER BY k.name`,
        [s.project_id, surveyId],
      );
      const frozen = freezeResults(s.questions, responses, s.min_group_size, Object.fromEntries(kommuner.map((k) => [k.id, k.name])));
      await execute(tx, `UPDATE survey SET frozen_results = $2, raw_deleted_at = now(), updated_at = now() WHERE id = $1`, [
        surveyId,
        JSON.stringify(frozen),
      ]);
      const deleted = await execute(tx, `DELETE FROM survey_response WHERE survey_id = $1`, [surveyId]);
      await execute(
        tx,
        `INSERT INTO history_event (project_id, actor_id, actor_name, action, entity_type, entity_id, after)
         VALUES ($1, NULL, $2, 'survey.raw_answers_deleted', 'survey', $3, $4)`,
        [s.project_id, ACTOR_NAME, surveyId, JSON.stringify({ deletedResponses: deleted })],
      );
      return true;
    });
  }
}

/** The figures kept when the raw answers go: the tally and each countable question by the grouping question and by kommune. */
export function freezeResults(
  questions: readonly SurveyQuestion[],
  responses: readonly { answers: SurveyAnswers; kommuneId: string | null }[],
  minGroupSize: number,
  kommuner: Record<string, string>,
): FrozenResults {
  const tally = tallySurvey(questions, responses);
  const grouping = questions.find((q) => q.grouping && q.kind === 'single');
  const crossTabs: CrossTab[] = [];
  for (const q of questions) {
    if (q.kind !== 'single' && q.kind !== 'multiple' && q.kind !== 'scale') continue;
    if (grouping && q.key !== grouping.key)
      crossTabs.push(crossTabulate(questions, responses, q.key, { kind: 'question', key: grouping.key }, minGroupSize));
    crossTabs.push(crossTabulate(questions, responses, q.key, { kind: 'kommune', labels: kommuner }, minGroupSize));
  }
  return { tally, crossTabs, frozenAt: new Date().toISOString() };
}
