import type { BodyKind, DecisionOutcome, PhaseKey } from '@nvr/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { StoredFile } from '../files/stored-file.entity';
import { GateSubmission } from '../gates/gate.entity';
import { Region } from '../regions/region.entity';
import { AppUser } from '../users/user.entity';

/** A body a region's cases pass (styringsgruppe, rådmannsgruppe, regionråd …), in order of `position`. */
@Entity('region_body')
@Unique('region_body_name_unique', ['regionId', 'name'])
@Unique('region_body_region_id_unique', ['regionId', 'id'])
@Index('region_body_one_owner', ['regionId'], { unique: true, where: 'is_owner' })
@Check('region_body_name_not_blank', `btrim(name) <> ''`)
@Check('region_body_kind', `kind IN ('styringsgruppe', 'radmannsgruppe', 'arbeidsutvalg', 'regionrad', 'styre', 'formannskap', 'annet')`)
@Check('region_body_position', `position >= 0`)
export class RegionBody {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'region_body_pkey' })
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: BodyKind;

  @Column({ type: 'smallint' })
  position: number;

  /** The project owner (prosjekteier); at most one per region. */
  @Column({ name: 'is_owner', type: 'boolean', default: false })
  isOwner: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Region, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'region_body_region_id_fkey' })
  region?: Region;
}

/** Which body decides a kind of gate in a region (when the owner has delegated it); else the owner decides. */
@Entity('region_gate_decider')
@Check('region_gate_decider_phase', `phase_key IN ('forstudie', 'forprosjekt', 'hovedprosjekt')`)
export class RegionGateDecider {
  @PrimaryColumn({ name: 'region_id', type: 'uuid', primaryKeyConstraintName: 'region_gate_decider_pkey' })
  regionId: string;

  @PrimaryColumn({ name: 'phase_key', type: 'text', primaryKeyConstraintName: 'region_gate_decider_pkey' })
  phaseKey: PhaseKey;

  @Column({ name: 'body_id', type: 'uuid' })
  bodyId: string;

  @ManyToOne(() => Region, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'region_gate_decider_region_id_fkey' })
  region?: Region;

  /** The body must belong to the same region. */
  @ManyToOne(() => RegionBody, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'region_id', referencedColumnName: 'regionId', foreignKeyConstraintName: 'region_gate_decider_body_fkey' },
    { name: 'body_id', referencedColumnName: 'id', foreignKeyConstraintName: 'region_gate_decider_body_fkey' },
  ])
  body?: RegionBody;
}

/** One body's handling of a submitted gate case; the step that `decides` ends in the gate decision. */
@Entity('gate_case_step')
@Unique('gate_case_step_position', ['submissionId', 'position'])
@Check('gate_case_step_handled', `(handled_at IS NULL) = (meeting_date IS NULL)`)
@Check(
  'gate_case_step_recommended',
  `recommended_outcome IS NULL OR recommended_outcome IN ('approved', 'approved_with_conditions', 'sent_back', 'stopped')`,
)
export class GateCaseStep {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'gate_case_step_pkey' })
  id: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ name: 'body_id', type: 'uuid', nullable: true })
  bodyId: string | null;

  /** The body's name and kind when the case was opened, kept if the region renames or removes it. */
  @Column({ name: 'body_name', type: 'text' })
  bodyName: string;

  @Column({ name: 'body_kind', type: 'text' })
  bodyKind: BodyKind;

  @Column({ type: 'boolean', default: false })
  decides: boolean;

  @Column({ name: 'meeting_date', type: 'date', nullable: true })
  meetingDate: string | null;

  @Column({ name: 'case_number', type: 'text', nullable: true })
  caseNumber: string | null;

  /** The body's innstilling: what it recommends the deciding body to decide. */
  @Column({ name: 'recommended_outcome', type: 'text', nullable: true })
  recommendedOutcome: DecisionOutcome | null;

  @Column({ type: 'text', nullable: true })
  recommendation: string | null;

  @Column({ name: 'minutes_file_id', type: 'uuid', nullable: true })
  minutesFileId: string | null;

  @Column({ name: 'handled_by', type: 'uuid', nullable: true })
  handledBy: string | null;

  @Column({ name: 'handled_at', type: 'timestamptz', nullable: true })
  handledAt: Date | null;

  @ManyToOne(() => GateSubmission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id', foreignKeyConstraintName: 'gate_case_step_submission_id_fkey' })
  submission?: GateSubmission;

  @ManyToOne(() => RegionBody, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'body_id', foreignKeyConstraintName: 'gate_case_step_body_id_fkey' })
  body?: RegionBody | null;

  @ManyToOne(() => StoredFile, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'minutes_file_id', foreignKeyConstraintName: 'gate_case_step_minutes_file_id_fkey' })
  minutesFile?: StoredFile | null;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'handled_by', foreignKeyConstraintName: 'gate_case_step_handled_by_fkey' })
  handler?: AppUser | null;
}
