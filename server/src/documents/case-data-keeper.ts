import { Injectable, OnModuleInit } from '@nestjs/common';
import { GateSubmissionHooks } from '../gates/gate-submission-hooks';
import { DocumentService } from './document.service';

/**
 * Keeps each submission's saksframlegg inputs as they were when the phase was submitted, in the submission's
 * transaction, so that an earlier submission is archived as the bodies received it (see freezeCaseData).
 */
@Injectable()
export class CaseDataKeeper implements OnModuleInit {
  constructor(
    private readonly hooks: GateSubmissionHooks,
    private readonly documents: DocumentService,
  ) {}

  onModuleInit(): void {
    this.hooks.register((tx, s) => this.documents.freezeCaseData(tx, s.projectId, s.phaseKey, s.submissionId, s.roles));
  }
}
