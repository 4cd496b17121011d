import { Injectable } from '@nestjs/common';
import type { DecisionOutcome, PhaseKey } from '@nvr/shared';
import type { EntityManager } from 'typeorm';

/** The gate a hand-over concerns. */
export interface GateContext {
  projectId: string;
  phaseKey: PhaseKey;
  submissionId: string;
  actorId: string;
}

/**
 * Tells whoever must act next, in-app and by e-mail with an absolute link. Called inside the change's
 * transaction, so a hand-over is told exactly when it happens. STUB: implemented in this folder.
 */
@Injectable()
export class GateNotifier {
  /** Submitted → the secretariat (the region's regionråd accounts). */
  async submitted(_tx: EntityManager, _ctx: GateContext, _firstBody: { stepId: string; bodyName: string }): Promise<void> {}
  /** One body has handled the case → the case is at the next body: the secretariat. */
  async caseAtBody(_tx: EntityManager, _ctx: GateContext, _body: { stepId: string; bodyName: string }): Promise<void> {}
  /** Decided → the leader, the team and the region's advisers. */
  async decided(_tx: EntityManager, _ctx: GateContext, _decision: { decisionId: string; outcome: DecisionOutcome; bodyName: string }): Promise<void> {}
  /** Kommune cases opened → the region's kommune contacts. */
  async kommuneCasesOpened(_tx: EntityManager, _ctx: GateContext, _deadline: string): Promise<void> {}
  /** A deliverable reviewed (accepted or returned) → its owner and the leader. */
  async deliverableReviewed(
    _tx: EntityManager,
    _projectId: string,
    _deliverable: { id: string; title: string; outcome: 'accepted' | 'returned' },
    _actorId: string,
  ): Promise<void> {}
}
