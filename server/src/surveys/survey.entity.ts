import type { SurveyAnswers, SurveyQuestion } from '@nvr/shared';
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
import { Kommune } from '../kommuner/kommune.entity';
import { Project } from '../projects/project.entity';
import { TemplateVersion } from '../templates/template.entity';
import { AppUser } from '../users/user.entity';

/** A survey of a project's kartlegging: its questions (shared SurveyQuestion shape), timing and privacy settings. */
@Entity('survey')
@Index('survey_project_idx', ['projectId'])
@Check('survey_title', `btrim(title) <> '' AND char_length(title) <= 200`)
@Check('survey_min_group_size', `min_group_size BETWEEN 3 AND 100`)
@Check('survey_dates', `closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at`)
export class Survey {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'survey_pkey' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  /** The template version the survey started from, if any. */
  @Column({ name: 'template_version_id', type: 'uuid', nullable: true })
  templateVersionId: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  intro: string;

  @Column({ name: 'privacy_notice', type: 'text', default: '' })
  privacyNotice: string;

  @Column({ type: 'jsonb' })
  questions: SurveyQuestion[];

  /** Bumped whenever the questions change; a respondent's answer names the version it answered. */
  @Column({ name: 'definition_version', type: 'integer', default: 1 })
  definitionVersion: number;

  /** Smallest group a cross-tabulation shows. */
  @Column({ name: 'min_group_size', type: 'integer', default: 5 })
  minGroupSize: number;

  @Column({ name: 'opens_at', type: 'timestamptz', nullable: true })
  opensAt: Date | null;

  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true })
  closesAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** Set when the raw answers were deleted (retention); results then come from `frozenResults`. */
  @Column({ name: 'raw_deleted_at', type: 'timestamptz', nullable: true })
  rawDeletedAt: Date | null;

  @Column({ name: 'frozen_results', type: 'jsonb', nullable: true })
  frozenResults: unknown;

  @VersionColumn({ default: 1 })
  version: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'survey_project_id_fkey' })
  project?: Project;

  @ManyToOne(() => TemplateVersion, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'template_version_id', foreignKeyConstraintName: 'survey_template_version_id_fkey' })
  templateVersion?: TemplateVersion | null;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'survey_created_by_fkey' })
  creator?: AppUser | null;
}

/**
 * A public answer link (/s/<token>): general, or for one kommune, whose id the answers get. One active
 * link per kommune and one general link per survey (a functional unique index, left to the migration).
 */
@Entity('survey_link')
@Unique('survey_link_token_unique', ['token'])
@Check('survey_link_token', `token ~ '^[A-Za-z0-9_-]{43}$'`)
@Index('survey_link_one_active', { synchronize: false })
export class SurveyLink {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'survey_link_pkey' })
  id: string;

  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId: string;

  /** 32 random bytes, base64url (43 characters). */
  @Column({ type: 'text' })
  token: string;

  @Column({ name: 'kommune_id', type: 'uuid', nullable: true })
  kommuneId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id', foreignKeyConstraintName: 'survey_link_survey_id_fkey' })
  survey?: Survey;

  @ManyToOne(() => Kommune, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'kommune_id', foreignKeyConstraintName: 'survey_link_kommune_id_fkey' })
  kommune?: Kommune | null;
}

/**
 * One respondent's answers. Anonymous by design: no address, user agent, cookie, link or account; the
 * kommune comes from the link, and only the day it came is kept.
 */
@Entity('survey_response')
@Index('survey_response_survey_idx', ['surveyId'])
@Check('survey_response_source', `source IN ('web', 'import')`)
export class SurveyResponse {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'survey_response_pkey' })
  id: string;

  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId: string;

  @Column({ name: 'kommune_id', type: 'uuid', nullable: true })
  kommuneId: string | null;

  @Column({ name: 'definition_version', type: 'integer' })
  definitionVersion: number;

  @Column({ type: 'jsonb' })
  answers: SurveyAnswers;

  @Column({ type: 'text' })
  source: 'web' | 'import';

  @Column({ name: 'received_on', type: 'date', default: () => 'CURRENT_DATE' })
  receivedOn: string;

  /** Keys of the questions whose free text was redacted. */
  @Column({ type: 'text', array: true, default: [] })
  redacted: string[];

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id', foreignKeyConstraintName: 'survey_response_survey_id_fkey' })
  survey?: Survey;

  @ManyToOne(() => Kommune, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'kommune_id', foreignKeyConstraintName: 'survey_response_kommune_id_fkey' })
  kommune?: Kommune | null;
}
