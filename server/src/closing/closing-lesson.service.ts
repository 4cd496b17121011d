import { Injectable } from '@nestjs/common';
import { defaultLessonPhase } from '@nvr/shared';
import type { Principal } from '../auth/principal';
import { execute, queryOneOrFail } from '../database/sql';
import { expectVersion, ProjectChanges } from '../projects/project-changes';
import { ClosingDto, CreateLessonDto, UpdateLessonDto } from './closing.dto';
import { findLesson } from './closing.queries';
import { currentPhaseKey, lessonNotFound, openProject } from './closing-rules';
import { ClosingService } from './closing.service';

/**
 * The project's lessons log, kept by the project leader while the hovedprosjekt is under way (the lessons
 * across regions, for advisers, are LessonsService's).
 */
@Injectable()
export class ClosingLessonService {
  constructor(
    private readonly changes: ProjectChanges,
    private readonly closing: ClosingService,
  ) {}

  async addLesson(projectId: string, dto: CreateLessonDto, actor: Principal): Promise<ClosingDto> {
    await this.changes.run(projectId, actor, async (tx, locked) => {
      const project = await openProject(locked);
      const phaseKey = dto.phaseKey ?? defaultLessonPhase(currentPhaseKey(project));
      const created = await queryOneOrFail<{ id: string }>(
        tx,
        `INSERT INTO closing_lesson (project_id, phase_key, category, text, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [projectId, phaseKey, dto.category, dto.text, actor.userId],
      );
      return {
        history: {
          action: 'closing.lesson_added',
          entityType: 'closing_lesson',
          entityId: created.id,
          after: { category: dto.category, phaseKey, text: dto.text },
        },
      };
    });
    return this.closing.get(projectId, actor.roles);
  }

  async updateLesson(projectId: string, lessonId: string, dto: UpdateLessonDto, actor: Principal): Promise<ClosingDto> {
    await this.changes.run(projectId, actor, async (tx, locked) => {
      await openProject(locked);
      const lesson = await findLesson(tx, projectId, lessonId);
      if (!lesson) throw lessonNotFound(lessonId);
      expectVersion('lesson', dto.version, lesson.version);
      const next = { text: dto.text ?? lesson.text, category: dto.category ?? lesson.category, phaseKey: dto.phaseKey ?? lesson.phase_key };
      await execute(
        tx,
        `UPDATE closing_lesson SET text = $2, category = $3, phase_key = $4, version = version + 1, updated_at = now() WHERE id = $1`,
        [lesson.id, next.text, next.category, next.phaseKey],
      );
      return {
        history: {
          action: 'closing.lesson_updated',
          entityType: 'closing_lesson',
          entityId: lesson.id,
          before: { text: lesson.text, category: lesson.category, phaseKey: lesson.phase_key },
          after: next,
        },
      };
    });
    return this.closing.get(projectId, actor.roles);
  }

  async deleteLesson(projectId: string, lessonId: string, actor: Principal): Promise<ClosingDto> {
    await this.changes.run(projectId, actor, async (tx, locked) => {
      await openProject(locked);
      const lesson = await findLesson(tx, projectId, lessonId);
      if (!lesson) throw lessonNotFound(lessonId);
      await execute(tx, `DELETE FROM closing_lesson WHERE id = $1`, [lesson.id]);
      return {
        history: {
          action: 'closing.lesson_deleted',
          entityType: 'closing_lesson',
          entityId: lesson.id,
          before: { text: lesson.text, category: lesson.category, phaseKey: lesson.phase_key },
        },
      };
    });
    return this.closing.get(projectId, actor.roles);
  }
}
