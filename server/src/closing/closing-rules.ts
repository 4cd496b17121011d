import { closingPhaseProblem, type ClosingPhaseProblem, type FactorScore } from '@nvr/shared';
import { DomainError } from '../common/domain-error';
import type { LockedProject } from '../projects/project-changes';
import type { PhaseRow, ProjectAggregate } from '../projects/project-queries';
import type { EvaluationRecord } from './closing.queries';

/** The rules every part of the closing shares: which phase it belongs to, when it may change, its refusals. */

export function hovedprosjektOf(project: ProjectAggregate): PhaseRow {
  const phase = project.phases.find((p) => p.key === 'hovedprosjekt');
  if (!phase) throw new DomainError('PHASE_NOT_FOUND', 'The project has no hovedprosjekt.');
  return phase;
}

export function currentPhaseKey(project: ProjectAggregate) {
  return project.phases.find((p) => p.state === 'in_progress' || p.state === 'awaiting_decision')?.key ?? null;
}

export function phaseProblemOf(project: ProjectAggregate): ClosingPhaseProblem {
  return closingPhaseProblem({ status: project.status, hovedprosjektState: hovedprosjektOf(project).state });
}

/** The locked project, refused unless its hovedprosjekt is under way. */
export async function openProject(locked: LockedProject): Promise<ProjectAggregate> {
  const project = await locked.aggregate();
  const problem = phaseProblemOf(project);
  if (problem) throw phaseProblemError(problem, hovedprosjektOf(project));
  return project;
}

function phaseProblemError(problem: Exclude<ClosingPhaseProblem, null>, hoved: PhaseRow): DomainError {
  switch (problem) {
    case 'project_ended':
      return new DomainError(
        'CLOSING_PROJECT_ENDED',
        `The project has ended${hoved.actualEnd ? ` (${hoved.actualEnd})` : ''}; its final report, evaluations, lessons and closing decision are kept as they were.`,
      );
    case 'at_gate':
      return new DomainError(
        'CLOSING_AT_GATE',
        'The hovedprosjekt has been submitted to its gate and waits for the owner’s decision there; its closing can change again if it is sent back.',
      );
    case 'not_in_hovedprosjekt':
      return new DomainError(
        'CLOSING_NOT_IN_HOVEDPROSJEKT',
        'The project is not in its hovedprosjekt yet; the closing belongs to a hovedprosjekt under way.',
      );
  }
}

export function reportNotFound(): DomainError {
  return new DomainError('CLOSING_REPORT_NOT_FOUND', 'The project has no final report yet; the project leader starts it from the outline.');
}

export function lessonNotFound(id: string): DomainError {
  return new DomainError('CLOSING_LESSON_NOT_FOUND', `The project has no lesson with id ${id}.`);
}

export function numberOrNull(v: string | null): number | null {
  return v === null ? null : Number(v);
}

/** The factors an evaluation has scored. */
export function scoresOf(e: EvaluationRecord): FactorScore[] {
  return e.scores.filter((s): s is typeof s & { score: number } => s.score !== null).map((s) => ({ factor: s.factor, score: s.score }));
}
