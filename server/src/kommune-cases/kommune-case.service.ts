import { Injectable } from '@nestjs/common';
import type { IsoDate } from '@nvr/shared';
import type { EntityManager } from 'typeorm';
import type { KommuneCasesDto } from './kommune-case.dto';

export interface OpenKommuneCasesInput {
  submissionId: string;
  projectId: string;
  /** The phase the kommuner are asked to finance (null for the last gate: no cases). */
  nextPhaseId: string | null;
  deadline: IsoDate;
}

/**
 * Each member kommune's own case when the next phase needs its money. STUB: the interface other
 * features call; implemented in this folder.
 */
@Injectable()
export class KommuneCaseService {
  /** Opens one case per project kommune with its cost-sharing share, when the next phase's plan asks the kommuner for money. Returns how many. */
  async openCases(_tx: EntityManager, _input: OpenKommuneCasesInput): Promise<number> {
    throw new Error('not implemented');
  }

  /** The cases of a submission, their summary and the consequence of any "no"; null when the submission has none. */
  async forSubmission(_em: EntityManager, _submissionId: string): Promise<KommuneCasesDto | null> {
    throw new Error('not implemented');
  }

  /** The kommuner that said no (they leave the project when the phase is approved). */
  async leaving(_tx: EntityManager, _submissionId: string): Promise<{ kommuneId: string; kommuneName: string }[]> {
    throw new Error('not implemented');
  }
}
