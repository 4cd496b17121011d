import { Injectable } from '@nestjs/common';
import { closingDecisionProblems, closingReadiness, todayInOslo, type EvaluationPerspective } from '@nvr/shared';
import type { Principal } from '../auth/principal';
import { BenefitService } from '../benefits/benefit.service';
import { DomainError } from '../common/domain-error';
import { execute } from '../database/sql';
import { ChangeRecord, ProjectChanges } from '../projects/project-changes';
import { ClosingDto, RecordClosingDecisionDto } from './closing.dto';
import { findEvaluations, findReport } from './closing.queries';
import { hovedprosjektOf, openProject, scoresOf } from './closing-rules';
import { ClosingService } from './closing.service';

/** The owner's closing decision, which ends the hovedprosjekt and the project and hands the benefits over. */
@Injectable()
export class ClosingDecisionService {
  constructor(
    private readonly changes: ProjectChanges,
    private readonly closing: ClosingService,
    private readonly benefits: BenefitService,
  ) {}

  /**
   * The owner's closing decision. The hovedprosjekt must be under way, and the final report and both
   * evaluations complete — or the owner gives the reason for deciding without them. The decision ends the
   * hovedprosjekt (on the meeting date) and the project, and hands the benefits to their owners.
   */
  async decide(projectId: string, dto: RecordClosingDecisionDto, actor: Principal): Promise<ClosingDto> {
    await this.changes.run(projectId, actor, async (tx, locked) => {
      const project = await openProject(locked);
      const hoved = hovedprosjektOf(project);
      const problems = closingDecisionProblems(dto, { today: todayInOslo(), hovedprosjektStart: hoved.actualStart });
      if (problems.length) {
        throw new DomainError(
          'VALIDATION_FAILED',
          problems.map((p) => p.message).join('; '),
          problems.map((p) => ({ field: p.field, messages: [p.message] })),
        );
      }
      const report = await findReport(tx, projectId);
      const evaluations = await findEvaluations(tx, projectId);
      const of = (p: EvaluationPerspective) => {
        const e = evaluations.find((x) => x.perspective === p);
        return e ? scoresOf(e) : null;
      };
      const readiness = closingReadiness({
        report: report ? { sections: report.sections } : null,
        leader: of('leader'),
        owner: of('owner'),
      });
      if (!readiness.ready && !dto.overrideReason) {
        const missing = readiness.checks.filter((c) => !c.ok).map((c) => c.key);
        throw new DomainError(
          'CLOSING_NOT_READY',
          `The project cannot be closed yet: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing or incomplete. ` +
            'Complete them, or give the reason for deciding without them (overrideReason).',
        );
      }
      await execute(
        tx,
        `INSERT INTO closing_decision (project_id, outcome, meeting_date, case_number, decision_text, successor_organisation, successor_financing,
                                       successor_yearly_amount, override_reason, readiness, decided_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          projectId,
          dto.outcome,
          dto.meetingDate,
          dto.caseNumber,
          dto.decisionText,
          dto.successor?.organisation ?? null,
          dto.successor?.financingText ?? null,
          dto.successor?.yearlyAmount ?? null,
          readiness.ready ? null : (dto.overrideReason ?? null),
          JSON.stringify(readiness),
          actor.userId,
        ],
      );
      await execute(
        tx,
        `UPDATE project_phase SET state = 'completed', actual_end = $2, version = version + 1, updated_at = now() WHERE id = $1`,
        [hoved.id, dto.meetingDate],
      );
      await execute(tx, `UPDATE project SET status = 'completed', version = version + 1, updated_at = now() WHERE id = $1`, [projectId]);
      // The benefits go to their owners, who go on measuring them after the project (the register's own rule and history).
      const handedOver = await this.benefits.handOver(tx, projectId);
      const records: ChangeRecord[] = [
        {
          action: 'closing.decided',
          entityType: 'closing_decision',
          entityId: projectId,
          after: {
            outcome: dto.outcome,
            meetingDate: dto.meetingDate,
            caseNumber: dto.caseNumber,
            successor: dto.successor?.organisation ?? null,
            override: !readiness.ready,
          },
        },
        {
          action: 'project.completed',
          entityType: 'project',
          entityId: projectId,
          before: { status: project.status },
          after: { status: 'completed', closing: dto.outcome },
        },
        ...handedOver,
      ];
      return { history: records };
    });
    return this.closing.get(projectId, actor.roles);
  }
}
