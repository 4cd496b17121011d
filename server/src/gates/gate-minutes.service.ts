import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { execute, queryOne } from '../database/sql';
import { checkUpload, UploadedFileLike } from '../files/file-validation';
import { FileContent, FileService } from '../files/file.service';
import { ProjectChanges } from '../projects/project-changes';
import { findPhase, loadProject } from '../projects/project-queries';
import { GateDto } from './gate.dto';
import { GateService } from './gate.service';

/** The minutes (protokoll) of a decision: attached after the meeting, also to the decision that ended the project. */
@Injectable()
export class GateMinutesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly view: GateService,
    private readonly files: FileService,
    private readonly changes: ProjectChanges,
  ) {}

  async attachMinutes(
    projectId: string,
    phaseKey: string,
    decisionId: string,
    upload: UploadedFileLike | undefined,
    actor: Principal,
  ): Promise<GateDto> {
    const file = await checkUpload(upload);
    // Minutes often arrive after the meeting, also for the decision that ended the project.
    await this.changes.run(projectId, actor, async (tx, locked) => {
      const phase = findPhase(await locked.aggregate(), phaseKey);
      const d = await queryOne<{ id: string; minutes_file_id: string | null }>(
        tx,
        `SELECT id, minutes_file_id FROM gate_decision WHERE id = $1 AND phase_id = $2 FOR UPDATE`,
        [decisionId, phase.id],
      );
      if (!d) throw new DomainError('DECISION_NOT_FOUND', `The ${phase.key} gate has no decision with id ${decisionId}.`);
      const stored = await this.files.store(tx, file, actor.userId);
      await execute(tx, `UPDATE gate_decision SET minutes_file_id = $2 WHERE id = $1`, [d.id, stored.id]);
      // Only this decision's own previous minutes are removed.
      if (d.minutes_file_id) await execute(tx, `DELETE FROM stored_file WHERE id = $1`, [d.minutes_file_id]);
      return {
        history: {
          action: 'gate.minutes_attached',
          entityType: 'gate',
          entityId: phase.key,
          after: { decisionId, filename: stored.filename },
        },
      };
    });
    return this.view.get(projectId, phaseKey, actor.roles, this.db.manager, actor.userId);
  }

  async readMinutes(projectId: string, phaseKey: string, decisionId: string): Promise<FileContent> {
    const project = await loadProject(this.db.manager, projectId);
    const phase = findPhase(project, phaseKey);
    const d = await queryOne<{ minutes_file_id: string | null }>(
      this.db,
      `SELECT minutes_file_id FROM gate_decision WHERE id = $1 AND phase_id = $2`,
      [decisionId, phase.id],
    );
    if (!d?.minutes_file_id) throw new DomainError('FILE_NOT_FOUND', 'This decision has no minutes attached.');
    return this.files.read(d.minutes_file_id);
  }
}
