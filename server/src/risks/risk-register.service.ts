import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import type { Principal } from '../auth/principal';
import { execute, queryOneOrFail, type SqlRunner } from '../database/sql';
import { expectVersion, ProjectChanges } from '../projects/project-changes';
import { CreateRiskDto, RiskDto, UpdateRiskDto } from './risk.dto';
import { findRisk } from './risk.queries';
import { RiskService } from './risk.service';
import { assertAssessment, assertMayEdit, fieldsOf } from './risk-rules';

const ACTIVE_ONLY = { activeOnly: 'its risk register is kept as it was' };

/**
 * Changes to the risk register: adding, changing and deleting risks, by the project's editors and the
 * regionråd while the project is active, each through the project's unit of work (lock, version, history).
 */
@Injectable()
export class RiskRegisterService {
  constructor(
    private readonly changes: ProjectChanges,
    private readonly risks: RiskService,
  ) {}

  async create(projectId: string, dto: CreateRiskDto, actor: Principal): Promise<RiskDto> {
    const id = await this.changes.run<string>(
      projectId,
      actor,
      async (tx, project) => {
        assertMayEdit(actor, project);
        const values = {
          description: dto.description,
          cause: dto.cause ?? '',
          consequence: dto.consequence ?? '',
          probabilityBefore: dto.probabilityBefore,
          consequenceBefore: dto.consequenceBefore,
          probabilityAfter: dto.probabilityAfter ?? null,
          consequenceAfter: dto.consequenceAfter ?? null,
          measures: dto.measures ?? '',
          strategy: dto.strategy,
          ownerId: dto.ownerId,
          proximity: dto.proximity ?? null,
          status: dto.status ?? 'open',
        };
        assertAssessment(values);
        await this.assertOwner(tx, projectId, values.ownerId);
        // Numbers are never reused, not even those of deleted risks a published report still shows.
        const row = await queryOneOrFail<{ id: string; number: number }>(
          tx,
          `INSERT INTO risk (project_id, number, description, cause, consequence, probability_before, consequence_before, probability_after,
                             consequence_after, measures, strategy, owner_id, proximity, status, created_by)
           VALUES ($1, 1 + GREATEST(
                     (SELECT coalesce(max(number), 0) FROM risk WHERE project_id = $1),
                     (SELECT coalesce(max(i.number), 0) FROM risk_snapshot_item i JOIN status_report sr ON sr.id = i.report_id WHERE sr.project_id = $1)),
                   $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
           RETURNING id, number`,
          [
            projectId,
            values.description,
            values.cause,
            values.consequence,
            values.probabilityBefore,
            values.consequenceBefore,
            values.probabilityAfter,
            values.consequenceAfter,
            values.measures,
            values.strategy,
            values.ownerId,
            values.proximity,
            values.status,
            actor.userId,
          ],
        );
        return {
          history: { action: 'risk.created', entityType: 'risk', entityId: row.id, after: { number: row.number, ...values } },
          result: row.id,
        };
      },
      ACTIVE_ONLY,
    );
    return this.risks.get(projectId, id);
  }

  async update(projectId: string, riskId: string, dto: UpdateRiskDto, actor: Principal): Promise<RiskDto> {
    await this.changes.run(
      projectId,
      actor,
      async (tx, project) => {
        assertMayEdit(actor, project);
        const r = await findRisk(tx, projectId, riskId, true);
        expectVersion('risk', dto.version, r.version);
        const before = fieldsOf(r);
        const after = {
          description: dto.description ?? before.description,
          cause: dto.cause ?? before.cause,
          consequence: dto.consequence ?? before.consequence,
          probabilityBefore: dto.probabilityBefore ?? before.probabilityBefore,
          consequenceBefore: dto.consequenceBefore ?? before.consequenceBefore,
          probabilityAfter: dto.probabilityAfter === undefined ? before.probabilityAfter : dto.probabilityAfter,
          consequenceAfter: dto.consequenceAfter === undefined ? before.consequenceAfter : dto.consequenceAfter,
          measures: dto.measures ?? before.measures,
          strategy: dto.strategy ?? before.strategy,
          ownerId: dto.ownerId ?? before.ownerId,
          proximity: dto.proximity === undefined ? before.proximity : dto.proximity,
          status: dto.status ?? before.status,
        };
        assertAssessment(after);
        // An owner who has since left the project stays until someone chooses another.
        if (after.ownerId !== before.ownerId && after.ownerId) await this.assertOwner(tx, projectId, after.ownerId);
        await execute(
          tx,
          `UPDATE risk SET description = $2, cause = $3, consequence = $4, probability_before = $5, consequence_before = $6,
                  probability_after = $7, consequence_after = $8, measures = $9, strategy = $10, owner_id = $11, proximity = $12,
                  status = $13, version = version + 1, updated_at = now()
            WHERE id = $1`,
          [
            r.id,
            after.description,
            after.cause,
            after.consequence,
            after.probabilityBefore,
            after.consequenceBefore,
            after.probabilityAfter,
            after.consequenceAfter,
            after.measures,
            after.strategy,
            after.ownerId,
            after.proximity,
            after.status,
          ],
        );
        return {
          history: {
            action: 'risk.updated',
            entityType: 'risk',
            entityId: r.id,
            before: { number: r.number, ...before },
            after: { number: r.number, ...after },
          },
        };
      },
      ACTIVE_ONLY,
    );
    return this.risks.get(projectId, riskId);
  }

  /** Deletes a risk from the register; the status reports published with it keep their copy. */
  async remove(projectId: string, riskId: string, actor: Principal): Promise<void> {
    await this.changes.run(
      projectId,
      actor,
      async (tx, project) => {
        assertMayEdit(actor, project);
        const r = await findRisk(tx, projectId, riskId, true);
        await execute(tx, `DELETE FROM risk WHERE id = $1`, [r.id]);
        return {
          history: { action: 'risk.deleted', entityType: 'risk', entityId: r.id, before: { number: r.number, ...fieldsOf(r) } },
        };
      },
      ACTIVE_ONLY,
    );
  }

  private async assertOwner(tx: SqlRunner, projectId: string, ownerId: string): Promise<void> {
    const eligible = await this.risks.owners(projectId, tx);
    if (!eligible.some((o) => o.id === ownerId)) {
      throw new DomainError(
        'RISK_OWNER_NOT_ELIGIBLE',
        'The owner must be someone with a role in the project or its region (the project team, the regionråd, an adviser or a kommune contact).',
        [{ field: 'ownerId', messages: ['ownerId must be someone with a role in the project or its region'] }],
      );
    }
  }
}
