import { Injectable } from '@nestjs/common';
import type { RoleAssignment } from '@nvr/shared';
import type { EntityManager } from 'typeorm';

/** A submission as it is written: inside its transaction, with the route, kommune cases and proposal in place. */
export interface SubmittedCase {
  projectId: string;
  phaseKey: string;
  submissionId: string;
  roles: readonly RoleAssignment[];
}

export type SubmissionHook = (tx: EntityManager, submitted: SubmittedCase) => Promise<void>;

/**
 * What other features do when a phase is submitted, in the submission's own transaction (the documents
 * feature keeps the saksframlegg's inputs). Features that build on the gate register here, so the gate
 * needs no import of them and the modules stay free of cycles.
 */
@Injectable()
export class GateSubmissionHooks {
  private readonly hooks: SubmissionHook[] = [];

  register(hook: SubmissionHook): void {
    this.hooks.push(hook);
  }

  async submitted(tx: EntityManager, submitted: SubmittedCase): Promise<void> {
    for (const hook of this.hooks) await hook(tx, submitted);
  }
}
