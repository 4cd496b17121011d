import { types } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';
import { LoginAttempt } from '../auth/login-attempt.entity';
import { UserSession } from '../auth/session.entity';
import { IdentityLink, OidcLogin } from '../oidc/oidc.entity';
import { Invitation } from '../invitations/invitation.entity';
import { Benefit, BenefitIndicator, BenefitMeasurement } from '../benefits/benefit.entity';
import { GateCaseStep, RegionBody, RegionGateDecider } from '../case-route/case-route.entity';
import { ClosingDecision, ClosingEvaluation, ClosingEvaluationScore, ClosingLesson, ClosingReport } from '../closing/closing.entity';
import { Comment } from '../comments/comment.entity';
import { Conversation } from '../conversations/conversation.entity';
import { Deliverable, DeliverableFile } from '../deliverables/deliverable.entity';
import { StoredFile } from '../files/stored-file.entity';
import { GateCondition } from '../gates/gate-condition.entity';
import { GateCheckpoint, GateDecision, GateSubmission } from '../gates/gate.entity';
import { GateSubmissionCaseData } from '../gates/gate-submission-case-data.entity';
import { HistoryEvent } from '../history/history-event.entity';
import { Job } from '../jobs/job.entity';
import { KommunePopulationEvent } from '../kommuner/kommune-population-event.entity';
import { KommuneCase } from '../kommune-cases/kommune-case.entity';
import { Kommune, KommuneNumber, KommunePopulation } from '../kommuner/kommune.entity';
import { Notification } from '../notifications/notification.entity';
import { OutboxMail } from '../notifications/outbox.entity';
import { BudgetLine } from '../plans/budget-line.entity';
import { PhasePlan, PhasePlanSnapshot } from '../plans/phase-plan.entity';
import { ProjectPortfolioState } from '../portfolio/portfolio-state.entity';
import { Recommendation } from '../recommendations/recommendation.entity';
import { ProjectPhase } from '../projects/project-phase.entity';
import { Project, ProjectKommune } from '../projects/project.entity';
import { Region, RegionMembership } from '../regions/region.entity';
import { Risk, RiskSnapshot, RiskSnapshotItem } from '../risks/risk.entity';
import { StatusReport } from '../status-reports/status-report.entity';
import { Survey, SurveyLink, SurveyResponse } from '../surveys/survey.entity';
import { Template, TemplateVersion } from '../templates/template.entity';
import { AppUser, RoleAssignmentRow } from '../users/user.entity';
import { AppState } from './app-state.entity';
import { StatementCountingLogger } from './sql';

// Calendar dates stay 'YYYY-MM-DD' strings; turning them into JS Dates would shift them across time zones.
types.setTypeParser(types.builtins.DATE, (value) => value);

/** One entity per table; server/test/schema.e2e-spec.ts proves they match what the migrations build. */
export const entities = [
  AppState,
  Kommune,
  KommunePopulation,
  KommuneNumber,
  KommunePopulationEvent,
  Region,
  RegionMembership,
  AppUser,
  RoleAssignmentRow,
  UserSession,
  LoginAttempt,
  Project,
  ProjectKommune,
  ProjectPhase,
  StoredFile,
  Deliverable,
  DeliverableFile,
  GateCheckpoint,
  GateSubmission,
  GateSubmissionCaseData,
  GateDecision,
  RegionBody,
  RegionGateDecider,
  GateCaseStep,
  KommuneCase,
  GateCondition,
  HistoryEvent,
  Template,
  TemplateVersion,
  PhasePlan,
  PhasePlanSnapshot,
  BudgetLine,
  StatusReport,
  Comment,
  Notification,
  OutboxMail,
  Job,
  Survey,
  SurveyLink,
  SurveyResponse,
  Conversation,
  Recommendation,
  ProjectPortfolioState,
  Risk,
  RiskSnapshot,
  RiskSnapshotItem,
  Benefit,
  BenefitIndicator,
  BenefitMeasurement,
  ClosingReport,
  ClosingEvaluation,
  ClosingEvaluationScore,
  ClosingLesson,
  ClosingDecision,
  Invitation,
  IdentityLink,
  OidcLogin,
];

/** The one description of the database: used by the app, the tests and the TypeORM CLI. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    logger: new StatementCountingLogger(), // counts each request's statements (common/request-context.ts)
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    extra: { max: 10, application_name: 'naeringsvennlig-region' },
  };
}
