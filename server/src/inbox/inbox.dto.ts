import { ApiProperty } from '@nestjs/swagger';
import { PHASE_KEYS, type PhaseKey } from '@nvr/shared';
import { INBOX_ITEM_KINDS, type InboxItemKind } from './inbox.queries';

export class InboxOwnerDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

/** One thing waiting on you. */
export class InboxItemDto {
  @ApiProperty({
    enum: INBOX_ITEM_KINDS,
    description:
      'gate_awaiting_decision: a gate package at a body of yours; deliverable_to_review: a deliverable submitted for review; ' +
      'kommune_case_pending: a kommunestyre’s decision to record; deliverable_returned: a deliverable of your project sent back; ' +
      'condition_open: a condition of an approval still to be met',
  })
  kind: InboxItemKind;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty()
  projectName: string;

  @ApiProperty({ format: 'uuid' })
  regionId: string;

  @ApiProperty()
  regionName: string;

  @ApiProperty({ enum: PHASE_KEYS, nullable: true, description: 'The phase (for a gate: the phase the gate ends)' })
  phaseKey: PhaseKey | null;

  @ApiProperty({ format: 'uuid', description: 'The submission, deliverable, kommune case or condition' })
  targetId: string;

  @ApiProperty({
    description: 'What it is: the body holding the case, the deliverable’s title, the kommune’s name, or the condition’s text',
  })
  title: string;

  @ApiProperty({ nullable: true, type: String, description: 'For a gate: the body holding the case now' })
  bodyName: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'For a returned deliverable: the reviewer’s comment' })
  comment: string | null;

  @ApiProperty({ type: InboxOwnerDto, nullable: true, description: 'Who owns the deliverable or condition' })
  owner: InboxOwnerDto | null;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'The deadline or due date' })
  due: string | null;

  @ApiProperty({ description: 'The due date has passed' })
  overdue: boolean;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Since when it has waited (submitted, returned, decided)' })
  since: string | null;

  @ApiProperty({
    example: '/prosjekter/0b7c9a4e-5d1f-4e2a-9c3b-8a6d2f1e0c5b/faser/forstudie/beslutning',
    description: 'Where in the web app',
  })
  link: string;
}

export class InboxDto {
  @ApiProperty({ format: 'date', description: 'The day the list is for (Oslo time)' })
  asOf: string;

  @ApiProperty({ type: [InboxItemDto], description: 'By due date (none last), then project name' })
  items: InboxItemDto[];
}
