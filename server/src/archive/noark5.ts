import { createHash } from 'node:crypto';

/**
 * The Noark 5 v5.0 arkivstruktur.xml of an archive extract, written from a plain model: arkiv → arkivdel →
 * mappe (a saksmappe per case) → registrering (a journalpost per document) → dokumentbeskrivelse →
 * dokumentobjekt (the file, with its SHA-256). Element order follows `noark5/arkivstruktur.xsd`, which
 * the tests validate against. Pure: no I/O.
 */

export const ARKIVSTRUKTUR_NS = 'http://www.arkivverket.no/standarder/noark5/arkivstruktur';

/** Who created and closed the entries: this system, as Noark's opprettetAv/arkivertAv want a name. */
export const SYSTEM_NAME = 'Næringsvennlig region';

export interface N5File {
  systemId: string;
  /** Path inside the extract, e.g. `dokumenter/0001-saksframlegg.pdf`. */
  path: string;
  /** Noark's format (file format name), e.g. `PDF`. */
  format: string;
  variant: 'Arkivformat' | 'Produksjonsformat';
  sha256: string;
  size: number;
  createdAt: string;
  createdBy: string;
}

export interface N5Document {
  systemId: string;
  /** The kind: Saksframlegg, Protokollutdrag, Protokoll, Vedlegg. */
  type: string;
  title: string;
  role: 'Hoveddokument' | 'Vedlegg';
  createdAt: string;
  createdBy: string;
  file: N5File;
}

export interface N5Party {
  name: string;
  role: string;
}

export interface N5Note {
  text: string;
  type: string;
  date: string;
  by: string;
}

export interface N5Record {
  systemId: string;
  /** Journalposttype: Saksframlegg, Organinternt dokument uten oppfølging, … */
  type: string;
  title: string;
  description: string | null;
  /** The date of the document (a meeting date for a decision), YYYY-MM-DD. */
  documentDate: string | null;
  /** The date it was registered, YYYY-MM-DD. */
  journalDate: string;
  createdAt: string;
  createdBy: string;
  parties: N5Party[];
  documents: N5Document[];
  /** Merknader on the journalpost, e.g. that a document of it was not kept. */
  notes?: N5Note[];
}

export interface N5Case {
  systemId: string;
  year: number;
  sequence: number;
  title: string;
  description: string | null;
  /** Saksdato, YYYY-MM-DD. */
  caseDate: string;
  createdAt: string;
  createdBy: string;
  closedAt: string;
  closedBy: string;
  status: 'Avsluttet' | 'Under behandling';
  unit: string;
  responsible: string;
  keywords: string[];
  parties: N5Party[];
  notes: N5Note[];
  records: N5Record[];
}

export interface N5Archive {
  systemId: string;
  title: string;
  description: string;
  creator: { id: string; name: string };
  part: { systemId: string; title: string; description: string; periodStart: string | null; periodEnd: string | null };
  createdAt: string;
  cases: N5Case[];
}

/** A UUID-shaped id derived from its parts, so the same case gets the same systemID in every extract. */
export function stableId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  // Version 5 layout (name-based), variant 10xx.
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Text as XML character data: escaped, and without the control characters XML 1.0 forbids. */
export function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A YYYY-MM-DD date as an xs:dateTime at midnight UTC. */
export function dayAsDateTime(day: string): string {
  return `${day}T00:00:00Z`;
}

class Writer {
  private readonly out: string[] = [];
  private depth = 0;

  open(name: string, attrs = ''): this {
    this.out.push(`${'  '.repeat(this.depth)}<${name}${attrs}>`);
    this.depth += 1;
    return this;
  }

  close(name: string): this {
    this.depth -= 1;
    this.out.push(`${'  '.repeat(this.depth)}</${name}>`);
    return this;
  }

  /** An element with text; nothing for null, undefined or blank text (every Noark text field needs at least one character). */
  el(name: string, value: string | number | null | undefined): this {
    if (value === null || value === undefined) return this;
    const text = typeof value === 'number' ? String(value) : value.trim();
    if (text === '') return this;
    this.out.push(`${'  '.repeat(this.depth)}<${name}>${xmlText(text)}</${name}>`);
    return this;
  }

  toString(): string {
    return this.out.join('\n') + '\n';
  }
}

const nonBlank = (text: string, fallback: string): string => (text.trim() === '' ? fallback : text);

/** The arkivstruktur.xml of the archive. */
export function arkivstrukturXml(a: N5Archive): string {
  const w = new Writer();
  w.open(
    'arkiv',
    ` xmlns="${ARKIVSTRUKTUR_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
      ` xsi:schemaLocation="${ARKIVSTRUKTUR_NS} arkivstruktur.xsd"`,
  );
  w.el('systemID', a.systemId)
    .el('tittel', nonBlank(a.title, SYSTEM_NAME))
    .el('beskrivelse', a.description)
    .el('arkivstatus', 'Avsluttet')
    .el('dokumentmedium', 'Elektronisk arkiv')
    .el('opprettetDato', a.createdAt)
    .el('opprettetAv', SYSTEM_NAME)
    .el('avsluttetDato', a.createdAt)
    .el('avsluttetAv', SYSTEM_NAME);
  w.open('arkivskaper').el('arkivskaperID', a.creator.id).el('arkivskaperNavn', nonBlank(a.creator.name, SYSTEM_NAME)).close('arkivskaper');
  w.open('arkivdel')
    .el('systemID', a.part.systemId)
    .el('tittel', nonBlank(a.part.title, SYSTEM_NAME))
    .el('beskrivelse', a.part.description)
    .el('arkivdelstatus', 'Avsluttet periode')
    .el('dokumentmedium', 'Elektronisk arkiv')
    .el('opprettetDato', a.createdAt)
    .el('opprettetAv', SYSTEM_NAME)
    .el('avsluttetDato', a.createdAt)
    .el('avsluttetAv', SYSTEM_NAME)
    .el('arkivperiodeStartDato', a.part.periodStart)
    .el('arkivperiodeSluttDato', a.part.periodEnd);
  for (const c of a.cases) writeCase(w, c);
  w.close('arkivdel');
  w.close('arkiv');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${w.toString()}`;
}

function writeParty(w: Writer, p: N5Party): void {
  w.open('part').el('partNavn', nonBlank(p.name, '–')).el('partRolle', nonBlank(p.role, '–')).close('part');
}

function writeNote(w: Writer, n: N5Note): void {
  w.open('merknad')
    .el('merknadstekst', nonBlank(n.text, '–'))
    .el('merknadstype', n.type)
    .el('merknadsdato', n.date)
    .el('merknadRegistrertAv', nonBlank(n.by, SYSTEM_NAME))
    .close('merknad');
}

function writeCase(w: Writer, c: N5Case): void {
  w.open('mappe', ' xsi:type="saksmappe"')
    .el('systemID', c.systemId)
    .el('mappeID', `${c.year}/${c.sequence}`)
    .el('tittel', nonBlank(c.title, '–'))
    .el('beskrivelse', c.description);
  for (const k of c.keywords) w.el('noekkelord', k);
  w.el('dokumentmedium', 'Elektronisk arkiv')
    .el('opprettetDato', c.createdAt)
    .el('opprettetAv', nonBlank(c.createdBy, SYSTEM_NAME))
    .el('avsluttetDato', c.closedAt)
    .el('avsluttetAv', nonBlank(c.closedBy, SYSTEM_NAME));
  for (const p of c.parties) writeParty(w, p);
  for (const n of c.notes) writeNote(w, n);
  c.records.forEach((r, i) => writeRecord(w, c, r, i + 1));
  w.el('saksaar', c.year)
    .el('sakssekvensnummer', c.sequence)
    .el('saksdato', c.caseDate)
    .el('administrativEnhet', nonBlank(c.unit, SYSTEM_NAME))
    .el('saksansvarlig', nonBlank(c.responsible, SYSTEM_NAME))
    .el('saksstatus', c.status);
  w.close('mappe');
}

function writeRecord(w: Writer, c: N5Case, r: N5Record, number: number): void {
  w.open('registrering', ' xsi:type="journalpost"')
    .el('systemID', r.systemId)
    .el('opprettetDato', r.createdAt)
    .el('opprettetAv', nonBlank(r.createdBy, SYSTEM_NAME))
    .el('arkivertDato', r.createdAt)
    .el('arkivertAv', SYSTEM_NAME);
  for (const p of r.parties) writeParty(w, p);
  r.documents.forEach((d, i) => {
    w.open('dokumentbeskrivelse')
      .el('systemID', d.systemId)
      .el('dokumenttype', d.type)
      .el('dokumentstatus', 'Dokumentet er ferdigstilt')
      .el('tittel', nonBlank(d.title, '–'))
      .el('opprettetDato', d.createdAt)
      .el('opprettetAv', nonBlank(d.createdBy, SYSTEM_NAME))
      .el('tilknyttetRegistreringSom', d.role)
      .el('dokumentnummer', i + 1)
      .el('tilknyttetDato', r.createdAt)
      .el('tilknyttetAv', SYSTEM_NAME);
    w.open('dokumentobjekt')
      .el('systemID', d.file.systemId)
      .el('versjonsnummer', 1)
      .el('variantformat', d.file.variant)
      .el('format', d.file.format)
      .el('opprettetDato', d.file.createdAt)
      .el('opprettetAv', nonBlank(d.file.createdBy, SYSTEM_NAME))
      .el('referanseDokumentfil', d.file.path)
      .el('sjekksum', d.file.sha256)
      .el('sjekksumAlgoritme', 'SHA256')
      .el('filstoerrelse', d.file.size)
      .close('dokumentobjekt');
    w.close('dokumentbeskrivelse');
  });
  w.el('registreringsID', `${c.year}/${c.sequence}-${number}`).el('tittel', nonBlank(r.title, '–')).el('beskrivelse', r.description);
  for (const n of r.notes ?? []) writeNote(w, n);
  // The journal year and number follow the case (a case's records are numbered within it), so the
  // numbers are the same in a full extract and in the package of that one case.
  w.el('journalaar', c.year)
    .el('journalsekvensnummer', c.sequence * 1000 + number)
    .el('journalpostnummer', number)
    .el('journalposttype', r.type)
    .el('journalstatus', 'Arkivert')
    .el('journaldato', r.journalDate)
    .el('dokumentetsDato', r.documentDate)
    .el('antallVedlegg', Math.max(0, r.documents.length - 1));
  w.close('registrering');
}
