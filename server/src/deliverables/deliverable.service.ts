import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canOnProject, DeliverableState, phaseSpec, PhaseKey, RoleAssignment, type ProjectHistoryAction } from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { execute, queryOne, queryRows } from '../database/sql';
import { checkUpload, UploadedFileLike } from '../files/file-validation';
import { FileContent, FileService, mapFile, StoredFileRow } from '../files/file.service';
import { GateNotifier } from '../notifications/gate-notifier';
import { expectVersion, ProjectChanges } from '../projects/project-changes';
import { loadProject } from '../projects/project-queries';
import { DeliverableDto, NotRequiredDto, ReviewDeliverableDto, UpdateDeliverableDto } from './deliverable.dto';

interface DeliverableRecord {
  id: string;
  phase_id: string;
  project_id: string;
  region_id: string;
  project_status: string;
  phase_key: PhaseKey;
  phase_state: string;
  catalogue_key: string | null;
  title: string;
  required: boolean;
  state: DeliverableState;
  owner_user_id: string | null;
  due_date: string | null;
  content: string;
  not_required_reason: string | null;
  review_comment: string | null;
  version: number;
}

/** A deliverable's owner, as the API shows it. */
interface OwnerRecord {
  id: string;
  name: string;
  email: string;
}

/** Phases whose deliverables can still be worked on: the current one, and later ones being prepared. */
const OPEN_PHASE_STATES = ['not_started', 'in_progress'];

@Injectable()
export class DeliverableService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly files: FileService,
    private readonly changes: ProjectChanges,
    private readonly notifier: GateNotifier,
  ) {}

  async get(
    projectId: string,
    deliverableId: string,
    roles: readonly RoleAssignment[],
    em: EntityManager = this.db.manager,
  ): Promise<DeliverableDto> {
    const d = await this.find(em, projectId, deliverableId);
    const owner = d.owner_user_id
      ? await queryOne<OwnerRecord>(em, `SELECT id, name, email FROM app_user WHERE id = $1`, [d.owner_user_id])
      : undefined;
    const files = await queryRows<StoredFileRow>(
      em,
      `SELECT f.id, f.filename, f.content_type, f.size_bytes, f.uploaded_at FROM deliverable_file df JOIN stored_file f ON f.id = df.file_id
        WHERE df.deliverable_id = $1 ORDER BY f.uploaded_at`,
      [deliverableId],
    );
    return {
      id: d.id,
      projectId: d.project_id,
      phaseKey: d.phase_key,
      key: d.catalogue_key,
      title: d.title,
      required: d.required,
      state: d.state,
      owner: owner ?? null,
      dueDate: d.due_date,
      content: d.content,
      notRequiredReason: d.not_required_reason,
      reviewComment: d.review_comment,
      fileCount: files.length,
      files: files.map(mapFile),
      version: d.version,
      editable: isEditable(d) && canOnProject(roles, { id: d.project_id, regionId: d.region_id }, 'edit'),
    };
  }

  async update(projectId: string, deliverableId: string, dto: UpdateDeliverableDto, actor: Principal): Promise<DeliverableDto> {
    return this.change(projectId, deliverableId, actor, async (tx, d) => {
      expectVersion('deliverable', dto.version, d.version);
      assertEditable(d);
      if (dto.ownerUserId) {
        const u = await queryOne<{ found: number }>(tx, `SELECT 1 AS found FROM app_user WHERE id = $1 AND active`, [dto.ownerUserId]);
        if (!u) throw new DomainError('USER_NOT_FOUND', `No active account has the id ${dto.ownerUserId}.`);
      }
      const after = {
        content: dto.content ?? d.content,
        ownerUserId: dto.ownerUserId === undefined ? d.owner_user_id : dto.ownerUserId,
        dueDate: dto.dueDate === undefined ? d.due_date : dto.dueDate,
      };
      await execute(
        tx,
        `UPDATE deliverable SET content = $2, owner_user_id = $3, due_date = $4, version = version + 1, updated_at = now() WHERE id = $1`,
        [d.id, after.content, after.ownerUserId, after.dueDate],
      );
      return { action: 'deliverable.updated', before: { content: d.content, ownerUserId: d.owner_user_id, dueDate: d.due_date }, after };
    });
  }

  async submit(projectId: string, deliverableId: string, actor: Principal): Promise<DeliverableDto> {
    return this.change(projectId, deliverableId, actor, async (tx, d) => {
      assertEditable(d);
      if (isPlanDeliverable(d)) {
        // The plan is written in the plan editor: that is what is submitted, not this text box.
        const project = await loadProject(tx, projectId);
        const phase = project.phases.find((p) => p.key === d.phase_key);
        const next = phase ? project.phases.find((p) => p.position === phase.position + 1) : undefined;
        const missing = next?.plan ? next.plan.missing : null;
        if (next && missing !== 0) {
          throw new DomainError(
            'PLAN_INCOMPLETE',
            missing === null
              ? `The plan for the ${next.key} has no template to be written from; ask an administrator.`
              : `The plan for the ${next.key} is not complete: ${missing} of ${next.plan?.total ?? 0} required fields are empty. Fill them in the plan editor, then submit.`,
          );
        }
        return this.setState(tx, d, 'submitted', { review_comment: d.review_comment });
      }
      const count = await queryOne<{ files: number }>(tx, `SELECT count(*)::int AS files FROM deliverable_file WHERE deliverable_id = $1`, [
        d.id,
      ]);
      const files = count?.files ?? 0;
      if (!d.content.trim() && files === 0)
        throw new DomainError('DELIVERABLE_EMPTY', 'Write the deliverable or attach a file before you submit it.');
      return this.setState(tx, d, 'submitted', { review_comment: d.review_comment });
    });
  }

  /** Takes a submitted deliverable back to draft, e.g. to correct it before the regionråd reviews it. */
  async withdraw(projectId: string, deliverableId: string, actor: Principal): Promise<DeliverableDto> {
    return this.change(projectId, deliverableId, actor, async (tx, d) => {
      if (d.state !== 'submitted')
        throw new DomainError('INVALID_STATE', `Only a submitted deliverable can be withdrawn; this one is ${d.state}.`);
      assertPhaseOpen(d);
      // What went to the owner in a gate package stays as it was, unless the decision returns it.
      const packaged = await queryOne<{ found: number }>(
        tx,
        `SELECT 1 AS found FROM gate_submission s
          WHERE s.phase_id = $1 AND s.package -> 'deliverables' @> jsonb_build_array(jsonb_build_object('id', $2::text, 'version', $3::int))
          LIMIT 1`,
        [d.phase_id, d.id, d.version],
      );
      if (packaged)
        throw new DomainError(
          'INVALID_STATE',
          'The deliverable went to the owner with the gate package; it stays as it was unless the decision returns it.',
        );
      return this.setState(tx, d, 'draft');
    });
  }

  async review(projectId: string, deliverableId: string, dto: ReviewDeliverableDto, actor: Principal): Promise<DeliverableDto> {
    return this.change(projectId, deliverableId, actor, async (tx, d) => {
      if (d.state !== 'submitted')
        throw new DomainError('INVALID_STATE', `Only a submitted deliverable can be reviewed; this one is ${d.state}.`);
      if (dto.outcome === 'returned' && !dto.comment?.trim()) {
        throw new DomainError('VALIDATION_FAILED', 'Say what must change when you return a deliverable.', [
          { field: 'comment', messages: ['comment is required when returning'] },
        ]);
      }
      const change = await this.setState(tx, d, dto.outcome, { review_comment: dto.comment?.trim() || null });
      await this.notifier.deliverableReviewed(tx, projectId, { id: d.id, title: d.title, outcome: dto.outcome }, actor.userId);
      return change;
    });
  }

  async markNotRequired(projectId: string, deliverableId: string, dto: NotRequiredDto, actor: Principal): Promise<DeliverableDto> {
    return this.change(projectId, deliverableId, actor, async (tx, d) => {
      assertEditable(d);
      const spec = phaseSpec(d.phase_key).deliverables.find((s) => s.key === d.catalogue_key);
      if (spec?.nextPhasePlan)
        throw new DomainError('PLAN_REQUIRED', 'The plan for the next phase is always required; the regionråd decides on it.');
      return this.setState(tx, d, 'not_required', { not_required_reason: dto.reason });
    });
  }

  async markRequired(projectId: string, deliverableId: string, actor: Principal): Promise<DeliverableDto> {
    return this.change(projectId, deliverableId, actor, async (tx, d) => {
      if (d.state !== 'not_required') throw new DomainError('INVALID_STATE', 'The deliverable is already required.');
      assertPhaseOpen(d);
      return this.setState(tx, d, 'draft', { not_required_reason: null });
    });
  }

  async addFile(projectId: string, deliverableId: string, upload: UploadedFileLike | undefined, actor: Principal): Promise<DeliverableDto> {
    const file = await checkUpload(upload, 'deliverable');
    return this.change(projectId, deliverableId, actor, async (tx, d) => {
      assertEditable(d);
      const stored = await this.files.store(tx, file, actor.userId);
      await execute(tx, `INSERT INTO deliverable_file (deliverable_id, file_id) VALUES ($1, $2)`, [d.id, stored.id]);
      await execute(tx, `UPDATE deliverable SET version = version + 1, updated_at = now() WHERE id = $1`, [d.id]);
      return { action: 'deliverable.file_added', after: { fileId: stored.id, filename: stored.filename, sizeBytes: stored.sizeBytes } };
    });
  }

  async removeFile(projectId: string, deliverableId: string, fileId: string, actor: Principal): Promise<DeliverableDto> {
    return this.change(projectId, deliverableId, actor, async (tx, d) => {
      assertEditable(d);
      // The link decides: only a file linked to this deliverable is removed, and the file row is deleted
      // through the link, never by the id the client sent.
      const f = await queryOne<{ file_id: string; filename: string }>(
        tx,
        `DELETE FROM deliverable_file df USING stored_file f WHERE df.deliverable_id = $1 AND df.file_id = $2 AND f.id = df.file_id
         RETURNING df.file_id, f.filename`,
        [d.id, fileId],
      );
      if (!f) throw new DomainError('FILE_NOT_FOUND', `The deliverable has no file with id ${fileId}.`);
      await execute(tx, `DELETE FROM stored_file WHERE id = $1`, [f.file_id]);
      await execute(tx, `UPDATE deliverable SET version = version + 1, updated_at = now() WHERE id = $1`, [d.id]);
      return { action: 'deliverable.file_removed', before: { fileId, filename: f.filename } };
    });
  }

  async readFile(projectId: string, deliverableId: string, fileId: string): Promise<FileContent> {
    await this.find(this.db.manager, projectId, deliverableId);
    const link = await queryOne<{ found: number }>(
      this.db,
      `SELECT 1 AS found FROM deliverable_file WHERE deliverable_id = $1 AND file_id = $2`,
      [deliverableId, fileId],
    );
    if (!link) throw new DomainError('FILE_NOT_FOUND', `The deliverable has no file with id ${fileId}.`);
    return this.files.read(fileId);
  }

  /** Runs one change to a deliverable through the project's unit of work, with the deliverable row locked too, and returns its new state. */
  private async change(
    projectId: string,
    deliverableId: string,
    actor: Principal,
    work: (
      tx: EntityManager,
      d: DeliverableRecord,
    ) => Promise<{ action: ProjectHistoryAction; before?: Record<string, unknown>; after?: Record<string, unknown> }>,
  ): Promise<DeliverableDto> {
    await this.changes.run(projectId, actor, async (tx) => {
      const d = await this.find(tx, projectId, deliverableId, true);
      const { action, before, after } = await work(tx, d);
      return {
        history: {
          action,
          entityType: 'deliverable',
          entityId: d.id,
          before: { title: d.title, ...before },
          after: { title: d.title, ...after },
        },
      };
    });
    return this.get(projectId, deliverableId, actor.roles);
  }

  private async setState(tx: EntityManager, d: DeliverableRecord, state: DeliverableState, extra: Record<string, string | null> = {}) {
    const sets = Object.keys(extra).map((k, i) => `${k} = $${i + 3}`);
    await execute(
      tx,
      `UPDATE deliverable SET state = $2, ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`,
      [d.id, state, ...Object.values(extra)],
    );
    return { action: `deliverable.${state}` as const, before: { state: d.state }, after: { state, ...extra } };
  }

  private async find(em: EntityManager, projectId: string, deliverableId: string, lock = false): Promise<DeliverableRecord> {
    const d = await queryOne<DeliverableRecord>(
      em,
      `SELECT d.*, ph.project_id, ph.phase_key, ph.state AS phase_state, p.region_id, p.status AS project_status
         FROM deliverable d JOIN project_phase ph ON ph.id = d.phase_id JOIN project p ON p.id = ph.project_id
        WHERE d.id = $1 AND ph.project_id = $2 ${lock ? 'FOR UPDATE OF d' : ''}`,
      [deliverableId, projectId],
    );
    if (!d) throw new DomainError('DELIVERABLE_NOT_FOUND', `The project has no deliverable with id ${deliverableId}.`);
    return d;
  }
}

/** The deliverable that is the next phase's plan (written in the plan editor). */
function isPlanDeliverable(d: DeliverableRecord): boolean {
  return phaseSpec(d.phase_key).deliverables.some((s) => s.key === d.catalogue_key && s.nextPhasePlan);
}

function isEditable(d: DeliverableRecord): boolean {
  return d.project_status === 'active' && OPEN_PHASE_STATES.includes(d.phase_state) && (d.state === 'draft' || d.state === 'returned');
}

function assertPhaseOpen(d: DeliverableRecord): void {
  if (d.project_status !== 'active' || !OPEN_PHASE_STATES.includes(d.phase_state)) {
    throw new DomainError('INVALID_STATE', `The ${d.phase_key} is ${d.phase_state.replace('_', ' ')}; its deliverables cannot change now.`);
  }
}

function assertEditable(d: DeliverableRecord): void {
  assertPhaseOpen(d);
  if (d.state !== 'draft' && d.state !== 'returned') {
    throw new DomainError(
      'INVALID_STATE',
      `The deliverable is ${d.state.replace('_', ' ')}; only drafts and returned deliverables can be changed.`,
    );
  }
}
