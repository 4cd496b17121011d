import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { phaseSpec, todayInOslo, type Lang, type PhaseKey, type RoleAssignment } from '@nvr/shared';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { repoRoot } from '../config/app-config';
import { DocumentService } from '../documents/document.service';
import type { ProjectDto } from '../projects/project.dto';
import { ProjectService } from '../projects/project.service';
import { archiveWords } from './archive-words';
import type { ArchiveExportQueryDto } from './archive.dto';
import {
  findArchiveCases,
  findArchiveConditions,
  findArchiveDeliverableFiles,
  findArchiveFiles,
  findArchiveKommuneCases,
  findArchiveSteps,
  readArchiveFileData,
  type ArchiveFileRecord,
  type CaseFilter,
} from './archive.queries';
import {
  arkivstrukturXml,
  dayAsDateTime,
  stableId,
  SYSTEM_NAME,
  type N5Archive,
  type N5Case,
  type N5Document,
  type N5File,
  type N5Party,
  type N5Record,
} from './noark5';

/** An extract ready to stream: everything was read and checked before its first byte. */
export interface ArchiveZip {
  filename: string;
  stream: Readable;
}

/** Where a document's bytes come from: a case document rendered now, or a stored file. */
type DocSource = { kind: 'render'; name: string; render: () => Promise<Buffer> } | { kind: 'stored'; file: ArchiveFileRecord };

/** A document planned into the extract; its file (path, checksum, size) is filled in while the zip is written. */
interface PlannedDocument extends Omit<N5Document, 'file'> {
  source: DocSource;
  file?: N5File;
}

interface PlannedRecord extends Omit<N5Record, 'documents'> {
  documents: PlannedDocument[];
}

interface PlannedCase extends Omit<N5Case, 'records'> {
  records: PlannedRecord[];
}

const NOARK5_DIR = join(repoRoot, 'server', 'src', 'archive', 'noark5');
const SCHEMA_FILES = ['arkivstruktur.xsd', 'metadatakatalog.xsd'] as const;

/**
 * The archive export: a project's cases (each gate submission a saksmappe) with their case documents,
 * decisions, minutes and attachments, as a Noark 5 v5.0 arkivuttrekk in a streamed ZIP: the documents
 * under `dokumenter/`, `arkivstruktur.xml` with every file's SHA-256, the two XSDs, and
 * `sjekksummer.sha256` listing the checksum of every file in the extract.
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
    const [steps, kommuneCases, conditions, deliverableFiles] = await Promise.all([
      findArchiveSteps(em, ids),
      findArchiveKommuneCases(em, ids),
      findArchiveConditions(em, decisionIds),
      findArchiveDeliverableFiles(em, [...new Set(cases.filter((c) => c.newest).map((c) => c.phase_id))]),
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
      // One journalpost per body on the route: its saksframlegg (for the phase's newest case), its minutes.
      const routeSteps = caseSteps.length ? caseSteps : c.newest ? [null] : [];
      routeSteps.forEach((s, i) => {
        const bodyName = s?.body_name ?? project.councilName;
        const docs: PlannedDocument[] = [];
        if (c.newest)
          docs.push({
            systemId: stableId('saksframlegg', c.id, s?.id ?? ''),
            type: 'Saksframlegg',
            title: `${w.caseDocumentFor} ${bodyName}`,
            role: 'Hoveddokument',
            createdAt: now,
            createdBy: SYSTEM_NAME,
            source: {
              kind: 'render',
              name: `saksframlegg-${bodyName}.pdf`,
              render: async () => (await this.documents.caseDocument(project.id, c.phase_key, s?.id, roles, 'pdf', lang)).data,
            },
          });
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
        if (docs.length === 0 && !handled) return;
        records.push({
          systemId: stableId('journalpost', c.id, s?.id ?? 'saksframlegg'),
          type: c.newest ? 'Saksframlegg' : 'Organinternt dokument uten oppfølging',
          title: handled && docs.length === 0 ? `${w.handledBy} ${bodyName}` : `${w.caseDocumentFor} ${bodyName}`,
          description: [handled, i === 0 ? c.proposed_decision : null].filter(Boolean).join('\n\n') || null,
          documentDate: c.submitted_on,
          journalDate: c.submitted_on,
          createdAt: c.submitted_at,
          createdBy: c.submitted_by_name ?? SYSTEM_NAME,
          parties: [{ name: bodyName, role: s?.decides === false ? w.recommendingBody : w.decidingBody }],
          documents: docs,
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
    return { filename, stream: Readable.from(zipChunks(archive, planned, this.db), { objectMode: false }) };
  }
}

/** The zip, piece by piece: each document (rendered or read one at a time), then the structure and the checksum list. */
async function* zipChunks(archive: Omit<N5Archive, 'cases'>, cases: PlannedCase[], db: DataSource): AsyncGenerator<Buffer> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  let done = false;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else out.push(chunk);
  });
  const take = (): Buffer => {
    if (failure) throw failure;
    const b = Buffer.concat(out);
    out.length = 0;
    return b;
  };
  const sums: string[] = [];
  const add = (path: string, data: Uint8Array, compress: boolean): string => {
    const entry = compress ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
    zip.add(entry);
    entry.push(data, true);
    const sha256 = createHash('sha256').update(data).digest('hex');
    sums.push(`${sha256}  ${path}`);
    return sha256;
  };
  try {
    let n = 0;
    for (const c of cases)
      for (const r of c.records)
        for (const d of r.documents) {
          n += 1;
          const data = d.source.kind === 'render' ? await d.source.render() : await readArchiveFileData(db.manager, d.source.file.id);
          if (!data) throw new Error(`The stored file ${d.source.kind === 'stored' ? d.source.file.id : ''} went away during the export`);
          const name = d.source.kind === 'render' ? d.source.name : d.source.file.filename;
          const contentType = d.source.kind === 'render' ? 'application/pdf' : d.source.file.content_type;
          const path = `dokumenter/${String(n).padStart(4, '0')}-${safeName(name)}`;
          const format = fileFormat(contentType, name);
          const sha256 = add(path, data, format === 'XML' || format === 'TXT');
          d.file = {
            systemId: stableId('dokumentobjekt', d.systemId),
            path,
            format,
            variant: format === 'PDF' ? 'Arkivformat' : 'Produksjonsformat',
            sha256,
            size: data.length,
            createdAt: d.createdAt,
            createdBy: d.createdBy,
          };
          const chunk = take();
          if (chunk.length) yield chunk;
        }
    const full: N5Archive = {
      ...archive,
      cases: cases.map((c) => ({
        ...c,
        records: c.records.map((r) => ({
          ...r,
          documents: r.documents.map(({ source: _source, file, ...d }) => {
            if (!file) throw new Error('a document was not written');
            return { ...d, file };
          }),
        })),
      })),
    };
    add('arkivstruktur.xml', Buffer.from(arkivstrukturXml(full), 'utf8'), true);
    for (const name of SCHEMA_FILES) {
      const path = join(NOARK5_DIR, name);
      if (existsSync(path)) add(name, readFileSync(path), true);
    }
    const list = Buffer.from(sums.join('\n') + '\n', 'utf8');
    const entry = new ZipDeflate('sjekksummer.sha256', { level: 6 });
    zip.add(entry);
    entry.push(list, true);
    zip.end();
    done = true;
    yield take();
  } finally {
    if (!done) zip.terminate();
  }
}

/** Noark's format name of a file. */
function fileFormat(contentType: string, filename: string): string {
  if (contentType === 'application/pdf') return 'PDF';
  if (contentType.includes('wordprocessingml')) return 'DOCX';
  if (contentType === 'application/msword') return 'DOC';
  if (contentType.includes('xml')) return 'XML';
  if (contentType.startsWith('text/')) return 'TXT';
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(filename)?.[1];
  return ext ? ext.toUpperCase() : 'BIN';
}

/** A file name safe in a zip on every system: ASCII letters, digits, dot, dash and underscore. */
function safeName(name: string): string {
  const ascii = name
    .replace(/[æÆ]/g, (c) => (c === 'æ' ? 'ae' : 'AE'))
    .replace(/[øØ]/g, (c) => (c === 'ø' ? 'o' : 'O'))
    .replace(/[åÅ]/g, (c) => (c === 'å' ? 'aa' : 'AA'))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const safe = ascii
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  return safe.slice(0, 120) || 'dokument';
}
