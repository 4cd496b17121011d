import { Injectable } from '@nestjs/common';
import { evaluationComplete, type EvaluationPerspective } from '@nvr/shared';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { execute, queryOne, queryOneOrFail } from '../database/sql';
import { expectVersion, ProjectChanges } from '../projects/project-changes';
import { ClosingDto, SaveEvaluationDto } from './closing.dto';
import { openProject } from './closing-rules';
import { ClosingService } from './closing.service';

/** The success-factor evaluations: the project leader and the owner (the regionråd) each score the ten factors. */
@Injectable()
export class ClosingEvaluationService {
  constructor(
    private readonly changes: ProjectChanges,
    private readonly closing: ClosingService,
  ) {}

  /** Saves the leader's or the owner's evaluation: the factors given replace the stored ones. */
  async saveEvaluation(
    projectId: string,
    perspective: EvaluationPerspective,
    dto: SaveEvaluationDto,
    actor: Principal,
  ): Promise<ClosingDto> {
    const seen = new Set<string>();
    for (const s of dto.scores) {
      if (seen.has(s.factor)) {
        const message = `The factor ${s.factor} is given twice; give each factor once.`;
        throw new DomainError('VALIDATION_FAILED', message, [{ field: 'scores', messages: [message] }]);
      }
      seen.add(s.factor);
    }
    await this.changes.run(projectId, actor, async (tx, locked) => {
      await openProject(locked);
      const existing = await queryOne<{ id: string; version: number }>(
        tx,
        `SELECT id, version FROM closing_evaluation WHERE project_id = $1 AND perspective = $2 FOR UPDATE`,
        [projectId, perspective],
      );
      expectVersion(`the ${perspective}’s evaluation`, dto.version, existing?.version ?? 0);
      const evaluation = existing
        ? await queryOneOrFail<{ id: string }>(
            tx,
            `UPDATE closing_evaluation SET summary = $2, updated_by = $3, version = version + 1, updated_at = now() WHERE id = $1 RETURNING id`,
            [existing.id, dto.summary ?? '', actor.userId],
          )
        : await queryOneOrFail<{ id: string }>(
            tx,
            `INSERT INTO closing_evaluation (project_id, perspective, summary, updated_by) VALUES ($1, $2, $3, $4) RETURNING id`,
            [projectId, perspective, dto.summary ?? '', actor.userId],
          );
      await execute(tx, `DELETE FROM closing_evaluation_score WHERE evaluation_id = $1`, [evaluation.id]);
      const rows = dto.scores.filter((s) => s.score !== null || (s.comment ?? '').trim());
      if (rows.length) {
        await execute(
          tx,
          `INSERT INTO closing_evaluation_score (evaluation_id, factor, score, comment)
           SELECT $1, x.factor, x.score, x.comment FROM jsonb_to_recordset($2::jsonb) AS x(factor text, score smallint, comment text)`,
          [evaluation.id, JSON.stringify(rows.map((s) => ({ factor: s.factor, score: s.score, comment: (s.comment ?? '').trim() })))],
        );
      }
      const scores = rows.filter((s): s is typeof s & { score: number } => s.score !== null);
      return {
        history: {
          action: 'closing.evaluation_saved',
          entityType: 'closing_evaluation',
          entityId: perspective,
          after: { perspective, scored: scores.length, complete: evaluationComplete(scores) },
        },
      };
    });
    return this.closing.get(projectId, actor.roles);
  }
}
