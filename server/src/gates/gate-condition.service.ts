import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canOnProject } from '@nvr/shared';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { execute } from '../database/sql';
import { checkUpload, UploadedFileLike } from '../files/file-validation';
import { FileContent, FileService } from '../files/file.service';
import { expectVersion, ProjectChanges } from '../projects/project-changes';
import { findPhase, loadProject } from '../projects/project-queries';
import { GateDto, UpdateConditionDto } from './gate.dto';
import { findGateCondition } from './gate.queries';
import { assertConditionOpenToChange, conditionNotFound } from './gate-rules';
import { GateService } from './gate.service';

/** The conditions of an approval as they are followed up: met, waived or reopened, and the files that show it. */
@Injectable()
export class GateConditionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly view: GateService,
    private readonly files: FileService,
    private readonly changes: ProjectChanges,
  ) {}

  /**
   * Marks a condition met (the project team or the condition's owner, with a note or a file), waived (the
   * owner body, with a note) or open again (the owner body); only while the phase following it up is in progress.
   */
  async updateCondition(
    projectId: string,
    phaseKey: string,
    conditionId: string,
    dto: UpdateConditionDto,
    actor: Principal,
  ): Promise<GateDto> {
    await this.changes.run(
      projectId,
      actor,
      async (tx, locked) => {
        const project = await locked.aggregate();
        const phase = findPhase(project, phaseKey);
        const c = await findGateCondition(tx, phase.id, conditionId, true);
        if (!c) throw conditionNotFound(phase.key, conditionId);
        const scope = { id: locked.id, regionId: locked.regionId };
        const note = dto.note?.trim() || null;
        switch (dto.state) {
          case 'met':
            if (!canOnProject(actor.roles, scope, 'edit') && c.owner_user_id !== actor.userId)
              throw new DomainError('FORBIDDEN', 'Only the project leader, the team and the condition’s owner can mark a condition met.');
            assertConditionOpenToChange(project, c);
            if (c.state === 'waived')
              throw new DomainError(
                'INVALID_STATE',
                'The owner has waived this condition; it needs nothing more. Ask the owner to reopen it if it must be met after all.',
              );
            if (!note && !c.file_id)
              throw new DomainError(
                'CONDITION_NEEDS_EVIDENCE',
                'Say how the condition was met, or attach a file that shows it, before you mark it met.',
              );
            break;
          case 'waived':
            if (!canOnProject(actor.roles, scope, 'decide'))
              throw new DomainError('FORBIDDEN', 'Only the owner (the regionråd) can waive a condition it set.');
            assertConditionOpenToChange(project, c);
            if (!note)
              throw new DomainError('VALIDATION_FAILED', 'Say why the condition is waived.', [
                { field: 'note', messages: ['note is required when waiving a condition'] },
              ]);
            break;
          case 'open':
            if (!canOnProject(actor.roles, scope, 'decide'))
              throw new DomainError('FORBIDDEN', 'Only the owner (the regionråd) can reopen a condition.');
            assertConditionOpenToChange(project, c);
            if (c.state === 'open') throw new DomainError('INVALID_STATE', 'The condition is already open.');
            break;
        }
        expectVersion('condition', dto.version, c.version);
        await execute(
          tx,
          `UPDATE gate_condition SET state = $2, resolution_note = $3,
                resolved_by = CASE WHEN $2 = 'open' THEN NULL ELSE $4::uuid END,
                resolved_at = CASE WHEN $2 = 'open' THEN NULL ELSE now() END,
                version = version + 1
          WHERE id = $1`,
          [c.id, dto.state, dto.state === 'open' ? (note ?? c.resolution_note) : note, actor.userId],
        );
        const action =
          dto.state === 'met' ? 'gate.condition_met' : dto.state === 'waived' ? 'gate.condition_waived' : 'gate.condition_reopened';
        return {
          history: {
            action,
            entityType: 'gate',
            entityId: `${c.phase_key}/condition/${c.id}`,
            before: { text: c.text, state: c.state },
            after: { text: c.text, state: dto.state, note },
          },
        };
      },
      { activeOnly: 'its conditions are closed' },
    );
    return this.view.get(projectId, phaseKey, actor.roles, this.db.manager, actor.userId);
  }

  async attachConditionFile(
    projectId: string,
    phaseKey: string,
    conditionId: string,
    upload: UploadedFileLike | undefined,
    actor: Principal,
  ): Promise<GateDto> {
    const file = await checkUpload(upload);
    await this.changes.run(
      projectId,
      actor,
      async (tx, locked) => {
        const project = await locked.aggregate();
        const phase = findPhase(project, phaseKey);
        const c = await findGateCondition(tx, phase.id, conditionId, true);
        if (!c) throw conditionNotFound(phase.key, conditionId);
        if (!canOnProject(actor.roles, project, 'edit') && c.owner_user_id !== actor.userId)
          throw new DomainError(
            'FORBIDDEN',
            'Only the project leader, the team and the condition’s owner can attach evidence to a condition.',
          );
        assertConditionOpenToChange(project, c);
        if (c.state === 'waived') throw new DomainError('INVALID_STATE', 'The condition is waived; it needs no evidence.');
        const stored = await this.files.store(tx, file, actor.userId);
        await execute(tx, `UPDATE gate_condition SET file_id = $2, version = version + 1 WHERE id = $1`, [c.id, stored.id]);
        if (c.file_id) await execute(tx, `DELETE FROM stored_file WHERE id = $1`, [c.file_id]);
        return {
          history: {
            action: 'gate.condition_file_added',
            entityType: 'gate',
            entityId: `${c.phase_key}/condition/${c.id}`,
            after: { text: c.text, filename: stored.filename },
          },
        };
      },
      { activeOnly: 'its conditions are closed' },
    );
    return this.view.get(projectId, phaseKey, actor.roles, this.db.manager, actor.userId);
  }

  async readConditionFile(projectId: string, phaseKey: string, conditionId: string): Promise<FileContent> {
    const project = await loadProject(this.db.manager, projectId);
    const phase = findPhase(project, phaseKey);
    const c = await findGateCondition(this.db.manager, phase.id, conditionId);
    if (!c) throw conditionNotFound(phase.key, conditionId);
    if (!c.file_id) throw new DomainError('FILE_NOT_FOUND', 'This condition has no file attached.');
    return this.files.read(c.file_id);
  }
}
