import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Project } from '../projects/project.entity';
import { AppUser } from '../users/user.entity';

/** Values of indicators and measurements: up to 12 digits before the point and 4 after. */
const DECIMAL = { type: 'numeric', precision: 16, scale: 4 } as const;

/** A benefit (gevinst) in a project's register, numbered G1, G2 … in the order they were added. */
@Entity('benefit')
@Unique('benefit_number_unique', ['projectId', 'number'])
@Check('benefit_title_not_blank', `btrim(title) <> ''`)
@Check('benefit_area_not_blank', `btrim(benefit_area) <> ''`)
@Index('benefit_owner_idx', ['ownerId'])
export class Benefit {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'benefit_pkey' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** The plan's benefit area (gevinstområde) it serves, in the plan's words; null when it stands alone. */
  @Column({ name: 'benefit_area', type: 'text', nullable: true })
  benefitArea: string | null;

  /** The person who answers for the benefit, also after the project has ended. */
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  /** When the project's end handed the benefit to its owner; null while the project runs. */
  @Column({ name: 'handed_over_at', type: 'timestamptz', nullable: true })
  handedOverAt: Date | null;

  @VersionColumn({ default: 1 })
  version: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'benefit_project_id_fkey' })
  project?: Project;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'benefit_owner_id_fkey' })
  owner?: AppUser | null;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'benefit_created_by_fkey' })
  creator?: AppUser | null;
}

/** How a benefit is measured: a unit, where it started and where it should be by when. */
@Entity('benefit_indicator')
@Check('benefit_indicator_name_not_blank', `btrim(name) <> ''`)
@Check('benefit_indicator_unit_not_blank', `btrim(unit) <> ''`)
@Check('benefit_indicator_dates', `target_date > start_date`)
@Index('benefit_indicator_benefit_idx', ['benefitId'])
export class BenefitIndicator {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'benefit_indicator_pkey' })
  id: string;

  @Column({ name: 'benefit_id', type: 'uuid' })
  benefitId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  unit: string;

  @Column({ name: 'start_value', ...DECIMAL })
  startValue: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'target_value', ...DECIMAL })
  targetValue: string;

  @Column({ name: 'target_date', type: 'date' })
  targetDate: string;

  /** No longer followed up (and no longer reminded of). */
  @Column({ type: 'boolean', default: false })
  closed: boolean;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Benefit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'benefit_id', foreignKeyConstraintName: 'benefit_indicator_benefit_id_fkey' })
  benefit?: Benefit;
}

/** One measurement of an indicator; one per indicator and day. */
@Entity('benefit_measurement')
@Unique('benefit_measurement_once', ['indicatorId', 'measuredOn'])
export class BenefitMeasurement {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'benefit_measurement_pkey' })
  id: string;

  @Column({ name: 'indicator_id', type: 'uuid' })
  indicatorId: string;

  @Column({ name: 'measured_on', type: 'date' })
  measuredOn: string;

  @Column({ ...DECIMAL })
  value: string;

  @Column({ type: 'text', default: '' })
  comment: string;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;

  @ManyToOne(() => BenefitIndicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'benefit_measurement_indicator_id_fkey' })
  indicator?: BenefitIndicator;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'benefit_measurement_recorded_by_fkey' })
  recorder?: AppUser | null;
}
