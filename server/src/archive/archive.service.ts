import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { phaseSpec, todayInOslo, type Lang, type PhaseKey, type RoleAssignment } from '@nvr/shared';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { DocumentService } from '../documents/document.service';
import type { ProjectDto } from '../projects/project.dto';
import { ProjectService } from '../projects/project.service';
import { archiveWords } from './archive-words';
import { safeName, zipChunks, type ExtractInfo, type PlannedCase, type PlannedDocument, type PlannedRecord } from './archive-zip';
import type { ArchiveExportQueryDto } from './archive.dto';
import {
  findArchiveCaseData,
  findArchiveCases,
  findArchiveConditions,
  findArchiveDeliverableFiles,
  findArchiveFiles,
  findArchiveKommuneCases,
  findArchiveSteps,
  type CaseFilter,
} from './archive.queries';
import { dayAsDateTime, stableId, SYSTEM_NAME, type N5Archive, type N5Note, type N5Party } from './noark5';

/** An extract ready to stream: everything was read and checked before its first byte. */
export interface ArchiveZip {
  filename: string;
  stream: Readable;
}

/**
 * The archive export: a project's cases (each gate submission a saksmappe) with their case documents,
 * decisions, minutes and attachments, as a Noark 5 v5.0 arkivuttrekk in a streamed ZIP: the documents
 * under `dokumenter/`, `arkivstruktur.xml` with every file's SHA-256, `arkivuttrekk.xml` (ADDML) describing
 * it, the XSDs, and `sjekksummer.sha256` listing the checksum of every file in the extract (see archive-zip).
 * The phase's newest case gets its saksframlegg as it stands; an earlier one (sent back, then submitted again)
 * gets the one rendered from the inputs kept when it was submitted, or a merknad where none were kept.
 */
@Injectable()
export class ArchiveService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly projects: ProjectService,
    private readonly documents: DocumentService,
  ) {}

  /** The cases of a project, of one phase and/or submitted or decided within a date range. */
  async exportProject(projectId: string, q: ArchiveExportQueryDto, roles: readonly RoleAssignment[]): Promise<ArchiveZip> {
    if (q.from && q.to && q.from > q.to)
      throw new DomainError(
        'ARCHIVE_BAD_RANGE',
        `The date range runs backwards: from ${q.from} is after to ${q.to}. Give a first day on or before the last day.`,
      );
    const project = await this.projects.get(projectId, roles);
    const filter: CaseFilter = { phaseKey: q.phase ?? null, from: q.from ?? null, to: q.to ?? null, newestOnly: false };
    const scope = [q.phase ?? 'alle', q.from ?? '', q.to ?? ''].join('_');
    return this.build(project, filter, q.lang ?? 'nb', roles, `arkivuttrekk-${safeName(project.name)}-${todayInOslo()}.zip`, scope);
  }

  /** One gate's case (the phase's newest submission) as its own extract, to send to the kommuner. */
  async casePackage(projectId: string, phaseKey: string, lang: Lang, roles: readonly RoleAssignment[]): Promise<ArchiveZip> {
    const project = await this.projects.get(projectId, roles);
    if (!project.phases.some((p) => p.key === phaseKey))
      throw new DomainError(
        'PHASE_NOT_FOUND',
        `The project has no phase "${phaseKey}"; phases are forstudie, forprosjekt and hovedprosjekt.`,
      );
    const filter: CaseFilter = { phaseKey, from: null, to: null, newestOnly: true };
    return this.build(project, filter, lang, roles, `saksmappe-${safeName(project.name)}-${phaseKey}.zip`, `case_${phaseKey}`);
  }

  private async build(
    project: ProjectDto,
    filter: CaseFilter,
    lang: Lang,
    roles: readonly RoleAssignment[],
    filename: string,
    scope: string,
  ): Promise<ArchiveZip> {
    const em = this.db.manager;
    const cases = await findArchiveCases(em, project.id, filter);
    if (filter.newestOnly && cases.length === 0)
      throw new DomainError(
        'ARCHIVE_NO_CASE',
        `The ${filter.phaseKey} has not been submitted for decision, so there is no case to package yet. Submit the phase first.`,
      );
    const w = archiveWords(lang);
    const ids = cases.map((c) => c.id);
    const decisionIds = cases.flatMap((c) => (c.decision_id ? [c.decision_id] : []));
    const [steps, kommuneCases, conditions, deliverableFiles, kept] = await Promise.all([
      findArchiveSteps(em, ids),
      findArchiveKommuneCases(em, ids),
      findArchiveConditions(em, decisionIds),
      findArchiveDeliverableFiles(em, [...new Set(cases.filter((c) => c.newest).map((c) => c.phase_id))]),
      findArchiveCaseData(
        em,
        ids.filter((id) => !cases.find((c) => c.id === id)?.newest),
      ),
    ]);
    const fileIds = new Set<string>([
      ...cases.flatMap((c) => (c.minutes_file_id ? [c.minutes_file_id] : [])),
      ...steps.flatMap((s) => (s.minutes_file_id ? [s.minutes_file_id] : [])),
      ...conditions.flatMap((c) => (c.file_id ? [c.file_id] : [])),
      ...deliverableFiles.map((d) => d.file_id),
    ]);
    const files = new Map((await findArchiveFiles(em, [...fileIds])).map((f) => [f.id, f]));
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

    const parties: N5Party[] = [
      { name: project.councilName, role: w.owner },
      ...(project.leader ? [{ name: project.leader.name, role: w.leader }] : []),
      ...project.kommuner.map((k) => ({ name: `${k.name} (${k.number})`, role: w.municipality })),
    ];

    const planned: PlannedCase[] = cases.map((c) => {
      const phaseTitle = phaseSpec(c.phase_key).title[lang];
      const used = new Set<string>();
      const stored = (fileId: string | null, type: string, title: string): PlannedDocument[] => {
        const f = fileId ? files.get(fileId) : undefined;
        if (!f || used.has(f.id)) return [];
        used.add(f.id);
        return [
          {
            systemId: stableId('dokument', c.id, f.id),
            type,
            title: `${title}: ${f.filename}`,
            role: 'Vedlegg',
            createdAt: f.uploaded_at,
            createdBy: f.uploaded_by_name ?? SYSTEM_NAME,
            source: { kind: 'stored', file: f },
          },
        ];
      };
      const caseSteps = steps.filter((s) => s.submission_id === c.id);
      const records: PlannedRecord[] = [];
      // One journalpost per body on the route: its saksframlegg, its minutes. The newest case's saksframlegg is
      // rendered as it stands; an earlier case's from what was kept when it was submitted, if anything was.
      const frozen = c.newest ? null : (kept.get(c.id) ?? null);
      const routeSteps = caseSteps.length ? caseSteps : [null];
      routeSteps.forEach((s, i) => {
        const bodyName = s?.body_name ?? project.councilName;
        const docs: PlannedDocument[] = [];
        const notes: N5Note[] = [];
        const render: (() => Promise<Buffer>) | null = c.newest
          ? async () => (await this.documents.caseDocument(project.id, c.phase_key, s?.id, roles, 'pdf', lang)).data
          : frozen
            ? async () => (await this.documents.frozenCaseDocument(frozen, s?.id ?? null, lang)).data
            : null;
        if (render)
          docs.push({
            systemId: stableId('saksframlegg', c.id, s?.id ?? ''),
            type: 'Saksframlegg',
            title: `${w.caseDocumentFor} ${bodyName}`,
            role: 'Hoveddokument',
            createdAt: c.newest ? now : c.submitted_at,
            createdBy: SYSTEM_NAME,
            source: { kind: 'render', name: `saksframlegg-${bodyName}.pdf`, render },
          });
        else notes.push({ text: w.notKept, type: 'Saksframlegg', date: c.submitted_at, by: SYSTEM_NAME });
        // The package's deliverables (final report, plan, …) go with the first body's case document.
        if (i === 0 && c.newest) {
          const inPackage = c.package_deliverable_ids;
          for (const d of deliverableFiles)
            if (d.phase_id === c.phase_id && (!inPackage || inPackage.includes(d.deliverable_id)))
              docs.push(...stored(d.file_id, 'Vedlegg', d.deliverable_title));
        }
        if (s) docs.push(...stored(s.minutes_file_id, 'Protokoll', `${w.minutes} ${bodyName}`));
        const handled =
          s?.meeting_date && s.recommended_outcome
            ? `${s.meeting_date}${s.case_number ? `, ${w.caseNumber} ${s.case_number}` : ''}: ${w.outcome[s.recommended_outcome]}. ${s.recommendation ?? ''}`
            : null;
        records.push({
          systemId: stableId('journalpost', c.id, s?.id ?? 'saksframlegg'),
          type: 'Saksframlegg',
          title: handled && docs.length === 0 ? `${w.handledBy} ${bodyName}` : `${w.caseDocumentFor} ${bodyName}`,
          description: [handled, i === 0 ? c.proposed_decision : null].filter(Boolean).join('\n\n') || null,
          documentDate: c.submitted_on,
          journalDate: c.submitted_on,
          createdAt: c.submitted_at,
          createdBy: c.submitted_by_name ?? SYSTEM_NAME,
          parties: [{ name: bodyName, role: s?.decides === false ? w.recommendingBody : w.decidingBody }],
          documents: docs,
          notes,
        });
      });
      if (c.decision_id && c.outcome && c.meeting_date && c.case_number && c.decided_at) {
        const bodyName = c.decision_body_name ?? project.councilName;
        const docs: PlannedDocument[] = [
          {
            systemId: stableId('protokollutdrag', c.id),
            type: 'Protokollutdrag',
            title: `${w.minutesExtract} ${c.case_number}`,
            role: 'Hoveddokument',
            createdAt: c.decided_at,
            createdBy: c.decided_by_name ?? SYSTEM_NAME,
            source: {
              kind: 'render',
              name: `protokollutdrag-${c.case_number}.pdf`,
              render: async () => (await this.documents.minutesExtract(project.id, c.phase_key, c.id, roles, 'pdf', lang)).data,
            },
          },
          ...stored(c.minutes_file_id, 'Protokoll', w.minutes),
        ];
        for (const cond of conditions.filter((x) => x.decision_id === c.decision_id))
          docs.push(...stored(cond.file_id, 'Vedlegg', `${w.condition} ${cond.position + 1}`));
        records.push({
          systemId: stableId('vedtak', c.decision_id),
          type: 'Organinternt dokument uten oppfølging',
          title: `${w.decisionOf} ${bodyName}, ${w.caseNumber} ${c.case_number}: ${w.outcome[c.outcome]}`,
          description: [c.decision_text, c.conditions ? `${w.conditions}: ${c.conditions}` : null].filter(Boolean).join('\n\n'),
          documentDate: c.meeting_date,
          journalDate: c.decided_at.slice(0, 10),
          createdAt: c.decided_at,
          createdBy: c.decided_by_name ?? SYSTEM_NAME,
          parties: [{ name: bodyName, role: w.decidingBody }],
          documents: docs,
        });
      }
      return {
        systemId: stableId('saksmappe', c.id),
        year: c.year,
        sequence: c.sequence,
        title: `${project.name}: ${phaseTitle} – ${w.gate}`,
        description: c.note ? `${w.submittedBy} ${c.submitted_by_name ?? SYSTEM_NAME}: ${c.note}` : null,
        caseDate: c.submitted_on,
        createdAt: c.submitted_at,
        createdBy: c.submitted_by_name ?? SYSTEM_NAME,
        // Noark wants a closing date on every folder of an extract; a case still under way closes with the extract.
        closedAt: c.decided_at ?? now,
        closedBy: c.decided_at ? (c.decided_by_name ?? SYSTEM_NAME) : SYSTEM_NAME,
        status: c.decision_id ? 'Avsluttet' : 'Under behandling',
        unit: project.councilName,
        responsible: project.leader?.name ?? c.submitted_by_name ?? project.councilName,
        keywords: [project.regionName, phaseTitle],
        parties,
        notes: kommuneCases
          .filter((k) => k.submission_id === c.id && k.outcome !== 'pending')
          .map((k) => ({
            text:
              `${w.kommunestyre} ${k.kommune_name}: ${w.kommuneOutcome[k.outcome]}` +
              (k.meeting_date ? ` (${w.meeting} ${k.meeting_date}${k.case_number ? `, ${w.caseNumber} ${k.case_number}` : ''})` : '') +
              (k.decision_text ? `. ${k.decision_text}` : ''),
            type: 'Kommunestyrevedtak',
            date: k.recorded_at ?? (k.meeting_date ? dayAsDateTime(k.meeting_date) : now),
            by: k.recorded_by_name ?? SYSTEM_NAME,
          })),
        records,
      };
    });

    const days = cases.flatMap((c) => [c.submitted_on, ...(c.meeting_date ? [c.meeting_date] : [])]).sort();
    const archive: Omit<N5Archive, 'cases'> = {
      systemId: stableId('arkiv', project.id),
      title: `${project.regionName} – ${project.name}`,
      description: w.archiveDescription,
      creator: { id: project.regionId, name: project.councilName },
      part: {
        systemId: stableId('arkivdel', project.id, scope),
        title: `${w.part}: ${project.name}${filter.phaseKey ? ` – ${phaseSpec(filter.phaseKey as PhaseKey).title[lang]}` : ''}`,
        description: w.archiveDescription,
        periodStart: filter.from ?? days[0] ?? null,
        periodEnd: filter.to ?? days[days.length - 1] ?? null,
      },
      createdAt: now,
    };
    const info: ExtractInfo = {
      description: `${archive.title}. ${w.archiveDescription}`,
      creator: project.councilName,
      archive: archive.title,
      systemName: SYSTEM_NAME,
      periodStart: archive.part.periodStart,
      periodEnd: archive.part.periodEnd,
    };
    return { filename, stream: Readable.from(zipChunks(archive, planned, info, this.db), { objectMode: false }) };
  }
}
