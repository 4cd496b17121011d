import {
  mayEditRisks,
  riskAssessmentProblems,
  riskLevel,
  riskScore,
  scoresAfter,
  scoresBefore,
  type RiskAssessmentProblem,
  type RiskFacts,
} from '@nvr/shared';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import type { RiskDto, RiskViewDto } from './risk.dto';
import type { LiveRiskRecord, RiskRecord } from './risk.queries';

/** The refusals of the register, and how its rows become answers and history. */

/** The words of an assessment problem, at its field. */
const PROBLEM_WORDS: Record<RiskAssessmentProblem, string> = {
  after_needs_both: 'give both scores after measures, or neither',
  after_above_before: 'a measure cannot make the risk larger: the score after measures must not be above the score before',
  after_needs_measures: 'write the measures the scores after measures build on',
};

export function assertMayEdit(actor: Principal, project: { id: string; regionId: string }): void {
  if (!mayEditRisks(actor.roles, project)) {
    throw new DomainError('FORBIDDEN', 'Only the project leader and members, the regionråd and administrators change the risk register.');
  }
}

export function assertAssessment(a: {
  probabilityBefore: number;
  consequenceBefore: number;
  probabilityAfter: number | null;
  consequenceAfter: number | null;
  measures: string;
}): void {
  const problems = riskAssessmentProblems(a);
  if (problems.length) {
    throw new DomainError(
      'RISK_ASSESSMENT_INVALID',
      `The assessment does not hold: ${problems.map((p) => `${p.field}: ${PROBLEM_WORDS[p.problem]}`).join('; ')}.`,
      problems.map((p) => ({ field: p.field, messages: [`${p.field}: ${PROBLEM_WORDS[p.problem]}`] })),
    ).withParams({ problem: problems[0].problem });
  }
}

/** The stored fields of a risk, as the history shows them. */
export function fieldsOf(r: RiskRecord) {
  return {
    description: r.description,
    cause: r.cause,
    consequence: r.consequence,
    probabilityBefore: r.probability_before,
    consequenceBefore: r.consequence_before,
    probabilityAfter: r.probability_after,
    consequenceAfter: r.consequence_after,
    measures: r.measures,
    strategy: r.strategy,
    ownerId: r.owner_id,
    proximity: r.proximity,
    status: r.status,
  };
}

export function factsOf(r: RiskRecord): RiskFacts {
  return {
    id: r.id,
    number: r.number,
    description: r.description,
    probabilityBefore: r.probability_before,
    consequenceBefore: r.consequence_before,
    probabilityAfter: r.probability_after,
    consequenceAfter: r.consequence_after,
    status: r.status,
    proximity: r.proximity,
  };
}

export function toView(r: RiskRecord): RiskViewDto {
  const facts = factsOf(r);
  const before = riskScore(scoresBefore(facts));
  const after = riskScore(scoresAfter(facts));
  return {
    id: r.id,
    number: r.number,
    description: r.description,
    cause: r.cause,
    consequence: r.consequence,
    probabilityBefore: r.probability_before,
    consequenceBefore: r.consequence_before,
    probabilityAfter: r.probability_after,
    consequenceAfter: r.consequence_after,
    scoreBefore: before,
    scoreAfter: after,
    levelBefore: riskLevel(before),
    levelAfter: riskLevel(after),
    measures: r.measures,
    strategy: r.strategy,
    owner: r.owner_id && r.owner_name !== null ? { id: r.owner_id, name: r.owner_name } : null,
    proximity: r.proximity,
    status: r.status,
  };
}

export function toDto(r: LiveRiskRecord): RiskDto {
  return { ...toView(r), version: r.version, updatedAt: r.updated_at.toISOString() };
}
