import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { todayInOslo } from '@nvr/shared';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import { validateXML } from 'xmllint-wasm';
import { decision, makePhaseReady, newProjectFixture, ProjectFixture, submitPhase } from './support/plp';
import { samplePdf } from './support/sample-files';
import { createTestApp, Session, TestApp } from './support/test-app';

const NOARK5 = join(__dirname, '..', 'src', 'archive', 'noark5');
const XSD = readFileSync(join(NOARK5, 'arkivstruktur.xsd'), 'utf8');
const MDK = readFileSync(join(NOARK5, 'metadatakatalog.xsd'), 'utf8');

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Downloads an extract and unzips it. */
async function extract(s: Session, path: string): Promise<Record<string, Uint8Array>> {
  const res = await s.get(path).buffer(true).parse(binary).expect(200);
  expect(res.headers['content-type']).toContain('application/zip');
  expect(res.headers['content-disposition']).toContain('.zip');
  return unzipSync(new Uint8Array(res.body as Buffer));
}

/** Validates an arkivstruktur.xml against Arkivverket's Noark 5 v5.0 schema; answers the errors. */
async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'arkivstruktur.xml', contents: xml }],
    schema: [{ fileName: 'arkivstruktur.xsd', contents: XSD }],
    preload: [{ fileName: 'metadatakatalog.xsd', contents: MDK }],
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

/** Each dokumentobjekt's file reference, checksum and size. */
function documentObjects(xml: string): { path: string; sum: string; algorithm: string; size: number }[] {
  const re =
    /<referanseDokumentfil>([^<]+)<\/referanseDokumentfil>\s*<sjekksum>([^<]+)<\/sjekksum>\s*<sjekksumAlgoritme>([^<]+)<\/sjekksumAlgoritme>\s*<filstoerrelse>(\d+)<\/filstoerrelse>/g;
  return [...xml.matchAll(re)].map((m) => ({ path: m[1], sum: m[2], algorithm: m[3], size: Number(m[4]) }));
}

/** The extract is whole: structure valid, every referenced file present with its checksum and size, the checksum list right. */
async function expectSound(files: Record<string, Uint8Array>): Promise<string> {
  const xml = strFromU8(files['arkivstruktur.xml']);
  expect(await schemaErrors(xml)).toEqual([]);
  expect(strFromU8(files['arkivstruktur.xsd'])).toBe(XSD);
  expect(strFromU8(files['metadatakatalog.xsd'])).toBe(MDK);
  const objects = documentObjects(xml);
  expect(objects.length).toBe((xml.match(/<dokumentobjekt>/g) ?? []).length);
  for (const o of objects) {
    expect(files[o.path]).toBeDefined();
    expect(o.algorithm).toBe('SHA256');
    expect(sha256(files[o.path])).toBe(o.sum);
    expect(files[o.path].length).toBe(o.size);
  }
  const documents = Object.keys(files).filter((n) => n.startsWith('dokumenter/'));
  expect(documents.sort()).toEqual(objects.map((o) => o.path).sort());
  const list = strFromU8(files['sjekksummer.sha256']).trim().split('\n');
  const listed = new Map(list.map((l) => [l.slice(66), l.slice(0, 64)]));
  expect([...listed.keys()].sort()).toEqual(
    Object.keys(files)
      .filter((n) => n !== 'sjekksummer.sha256')
      .sort(),
  );
  for (const [name, sum] of listed) expect(sha256(files[name])).toBe(sum);
  return xml;
}

describe('archive export: a project’s cases as a Noark 5 arkivuttrekk', () => {
  let t: TestApp;
  let f: ProjectFixture;
  let other: ProjectFixture;
  let report: Buffer;
  let minutes: Buffer;
  const exportUrl = (query = '') => `/api/projects/${f.projectId}/archive-export${query}`;
  const packageUrl = (phase = 'forstudie') => `/api/projects/${f.projectId}/phases/${phase}/gate/archive-package`;

  beforeAll(async () => {
    t = await createTestApp();
    f = await newProjectFixture(t, `Arkiv ${Math.random().toString(36).slice(2, 8)}`);
    other = await newProjectFixture(t);
    // The forstudie's final report as a file on its deliverable.
    const project = (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body;
    const forstudie = project.phases.find((p: { key: string }) => p.key === 'forstudie');
    const deliverable = forstudie.deliverables.find((d: { required: boolean }) => d.required);
    report = await samplePdf('Sluttrapport');
    await f.leader
      .post(`/api/projects/${f.projectId}/deliverables/${deliverable.id}/files`)
      .attach('file', report, { filename: 'Sluttrapport forstudie æøå.pdf', contentType: 'application/pdf' })
      .expect(201);
    await makePhaseReady(f, 'forstudie');
    const submissionId = await submitPhase(f, 'forstudie');
    const gate = (
      await f.regionraad
        .post(`/api/projects/${f.projectId}/phases/forstudie/gate/decision`)
        .send(decision(submissionId, 'approved', { caseNumber: '12/26', decisionText: 'Regionrådet godkjenner forstudien & går videre.' }))
        .expect(200)
    ).body;
    const decisionId = gate.submissions[0].decision.id;
    minutes = await samplePdf('Protokoll regionrådet');
    await f.regionraad
      .post(`/api/projects/${f.projectId}/phases/forstudie/gate/decisions/${decisionId}/minutes`)
      .attach('file', minutes, { filename: 'Protokoll regionrådet.pdf', contentType: 'application/pdf' })
      .expect(200);
  });
  afterAll(() => t.close());

  it('exports the decided gate: one saksmappe with the case documents, the vedtak, the minutes and the attachments, valid against the XSD', async () => {
    const files = await extract(f.adviser, exportUrl());
    const xml = await expectSound(files);
    expect(xml.match(/xsi:type="saksmappe"/g)).toHaveLength(1);
    expect(xml).toContain('<saksaar>');
    expect(xml).toContain('<saksstatus>Avsluttet</saksstatus>');
    expect(xml).toContain('<dokumenttype>Saksframlegg</dokumenttype>');
    expect(xml).toContain('<dokumenttype>Protokollutdrag</dokumenttype>');
    expect(xml).toContain('sak 12/26: Godkjent');
    expect(xml).toContain('Regionrådet godkjenner forstudien &amp; går videre.');
    expect(xml).toContain(`<dokumentetsDato>${todayInOslo()}</dokumentetsDato>`);
    expect(xml).toContain('<partRolle>Deltakerkommune</partRolle>');
    // The uploaded files travel byte for byte; the rendered documents are PDFs.
    const bySum = new Map(Object.entries(files).map(([name, data]) => [sha256(data), name]));
    expect(bySum.get(sha256(report))).toMatch(/^dokumenter\/\d{4}-Sluttrapport-forstudie-aeoaa\.pdf$/);
    expect(bySum.get(sha256(minutes))).toMatch(/^dokumenter\//);
    const rendered = documentObjects(xml).filter((o) => /saksframlegg|protokollutdrag/.test(o.path));
    expect(rendered.length).toBeGreaterThanOrEqual(2);
    for (const o of rendered) expect(strFromU8(files[o.path].subarray(0, 5))).toBe('%PDF-');
  });

  it('proves the schema check bites: a saksmappe without its case year is refused', async () => {
    const xml = strFromU8((await extract(f.leader, exportUrl()))['arkivstruktur.xml']);
    const broken = xml.replace(/<saksaar>\d+<\/saksaar>/, '');
    expect(await schemaErrors(broken)).not.toEqual([]);
  });

  it('filters by phase and by date range, and an empty extract is still a valid one', async () => {
    const today = todayInOslo();
    const none = await expectSound(await extract(f.leader, exportUrl('?phase=forprosjekt')));
    expect(none).not.toContain('saksmappe');
    const old = await expectSound(await extract(f.leader, exportUrl('?from=2000-01-01&to=2000-12-31')));
    expect(old).not.toContain('saksmappe');
    expect(old).toContain('<arkivperiodeStartDato>2000-01-01</arkivperiodeStartDato>');
    const now = await expectSound(await extract(f.leader, exportUrl(`?phase=forstudie&from=${today}&to=${today}&lang=nn`)));
    expect(now.match(/xsi:type="saksmappe"/g)).toHaveLength(1);
    expect(now).toContain('sak 12/26: Godkjend');
  });

  it('packages one gate’s case for the kommuner, with the same ids as in the full extract', async () => {
    const xml = await expectSound(await extract(f.regionraad, packageUrl()));
    expect(xml.match(/xsi:type="saksmappe"/g)).toHaveLength(1);
    const full = strFromU8((await extract(f.regionraad, exportUrl()))['arkivstruktur.xml']);
    const mappeId = /<mappe xsi:type="saksmappe">\s*<systemID>([^<]+)<\/systemID>/.exec(xml)?.[1];
    expect(mappeId).toBeDefined();
    expect(full).toContain(`<systemID>${mappeId}</systemID>`);
    const refused = await f.regionraad.get(packageUrl('forprosjekt')).expect(409);
    expect(refused.body.code).toBe('ARCHIVE_NO_CASE');
    expect(refused.body.message).toContain('Submit the phase first');
  });

  it('refuses a backwards or impossible date range (400)', async () => {
    const backwards = await f.leader.get(exportUrl('?from=2026-05-01&to=2026-04-01')).expect(400);
    expect(backwards.body.code).toBe('ARCHIVE_BAD_RANGE');
    expect(backwards.body.message).toContain('backwards');
    await f.leader.get(exportUrl('?from=2026-02-30')).expect(400);
    await f.leader.get(exportUrl('?phase=fase9')).expect(400);
    await f.leader.get(`${packageUrl()}?lang=de`).expect(400);
  });

  it('records each kommunestyre’s decision on the saksmappe as a note', async () => {
    const [row] = await t.db.query(
      `SELECT s.id FROM gate_submission s JOIN project_phase ph ON ph.id = s.phase_id WHERE ph.project_id = $1 AND ph.phase_key = 'forstudie'`,
      [f.projectId],
    );
    await t.db.query(
      `INSERT INTO kommune_case (submission_id, kommune_id, kommune_name, deadline, share, outcome, meeting_date, case_number)
       VALUES ($1, $2, 'Grue', '2026-12-15', 1000, 'yes', '2026-12-10', '7/26')
       ON CONFLICT (submission_id, kommune_id) DO UPDATE SET kommune_name = 'Grue', outcome = 'yes', meeting_date = '2026-12-10', case_number = '7/26'`,
      [row.id, f.kommuner[0].id],
    );
    const xml = await expectSound(await extract(f.regionraad, packageUrl()));
    expect(xml).toContain('<merknadstekst>Kommunestyret i Grue: ja (møte 2026-12-10, sak 7/26)</merknadstekst>');
    expect(xml).toContain('<merknadstype>Kommunestyrevedtak</merknadstype>');
  });

  it('answers another region’s people 404', async () => {
    await other.regionraad.get(exportUrl()).expect(404);
    await other.leader.get(packageUrl()).expect(404);
    await other.adviser.get(exportUrl('?phase=forstudie')).expect(404);
  });
});
