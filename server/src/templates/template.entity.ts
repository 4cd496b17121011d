import type { PhaseKey, SurveyQuestion, TemplateSection, Text } from '@nvr/shared';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AppUser } from '../users/user.entity';

export type TemplateKind = 'project_plan' | 'guide' | 'survey' | 'report';

/** A template (project plan, guide, survey, report); its content lives in numbered versions. */
@Entity('template')
@Unique('template_key_unique', ['key'])
@Check('template_kind', `kind IN ('project_plan', 'guide', 'survey', 'report')`)
@Check('template_phase', `phase_key IS NULL OR phase_key IN ('forstudie', 'forprosjekt', 'hovedprosjekt')`)
export class Template {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'template_pkey' })
  id: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  kind: TemplateKind;

  @Column({ name: 'phase_key', type: 'text', nullable: true })
  phaseKey: PhaseKey | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One version of a template; admins edit a template into a new version, plans keep the one they used. */
@Entity('template_version')
@Unique('template_version_unique', ['templateId', 'version'])
export class TemplateVersion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'template_version_pkey' })
  id: string;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId: string;

  /** The version number within the template (1, 2, …), not an optimistic-lock counter. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** The title in each language (versions before templates had languages: null, read `title`). */
  @Column({ name: 'title_i18n', type: 'jsonb', nullable: true })
  titleI18n: Text | null;

  @Column({ name: 'description_i18n', type: 'jsonb', nullable: true })
  descriptionI18n: Text | null;

  @Column({ type: 'jsonb' })
  sections: TemplateSection[];

  /** Survey templates: the questions a survey started from this version gets. */
  @Column({ type: 'jsonb', nullable: true })
  questions: SurveyQuestion[] | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Template, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'template_id', foreignKeyConstraintName: 'template_version_template_id_fkey' })
  template?: Template;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'template_version_created_by_fkey' })
  creator?: AppUser | null;
}
