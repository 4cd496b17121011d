import { Injectable } from '@nestjs/common';
import type { PhaseKey } from '@nvr/shared';
import type { EntityManager } from 'typeorm';
import type { CaseStepDto } from './case-route.dto';

export interface OpenCaseInput {
  submissionId: string;
  regionId: string;
  phaseKey: PhaseKey;
}

/** The deciding body's step of a submission, once every earlier body has handled the case. */
export interface DecidingStep {
  id: string;
  bodyName: string;
}

/**
 * A region's case route (its bodies in order, and who decides each kind of gate) and each submitted
 * gate's steps through it. STUB: the interface other features call; implemented in this folder.
 */
@Injectable()
export class CaseRouteService {
  /** Creates the submission's steps from the region's route, in the caller's transaction. */
  async openCase(_tx: EntityManager, _input: OpenCaseInput): Promise<CaseStepDto[]> {
    throw new Error('not implemented');
  }

  /** The steps of a submission in order, as the API shows them (`current` marks the body holding the case). */
  async steps(_em: EntityManager, _submissionId: string): Promise<CaseStepDto[]> {
    throw new Error('not implemented');
  }

  /** The deciding step; 409 CASE_NOT_AT_DECIDING_BODY (naming the body holding the case) while an earlier body has not handled it. */
  async decidingStep(_tx: EntityManager, _submissionId: string): Promise<DecidingStep> {
    throw new Error('not implemented');
  }

  /** Marks the deciding step handled by the decision's meeting. */
  async markDecided(
    _tx: EntityManager,
    _stepId: string,
    _meeting: { meetingDate: string; caseNumber: string },
    _actorId: string,
  ): Promise<void> {
    throw new Error('not implemented');
  }
}
