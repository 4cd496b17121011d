import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import { validateXML } from 'xmllint-wasm';
import { flat, pdfText } from '../src/documents/document-text';
import { decision, makePhaseReady, newProjectFixture, ProjectFixture, submitPhase } from './support/plp';
import { createTestApp, Session, TestApp } from './support/test-app';

const NOARK5 = join(__dirname, '..', 'src', 'archive', 'noark5');
const ADDML_XSD = readFileSync(join(NOARK5, 'addml.xsd'), 'utf8');

/** Validates an arkivstruktur.xml against Arkivverket's Noark 5 v5.0 schema; answers the errors. */
async function structureErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'arkivstruktur.xml', contents: xml }],
    schema: [{ fileName: 'arkivstruktur.xsd', contents: readFileSync(join(NOARK5, 'arkivstruktur.xsd'), 'utf8') }],
    preload: [{ fileName: 'metadatakatalog.xsd', contents: readFileSync(join(NOARK5, 'metadatakatalog.xsd'), 'utf8') }],
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

async function extract(s: Session, path: string): Promise<Record<string, Uint8Array>> {
  const res = await s.get(path).buffer(true).parse(binary).expect(200);
  return unzipSync(new Uint8Array(res.body as Buffer));
}

/** The saksmapper of an arkivstruktur.xml, oldest first, each with its saksframlegg files and its merknader. */
function folders(xml: string): { saksframlegg: string[]; notes: string[] }[] {
  return xml
    .split('<mappe xsi:type="saksmappe">')
    .slice(1)
    .map((m) => ({
      saksframlegg: [...m.matchAll(/<referanseDokumentfil>(dokumenter\/\d{4}-saksframlegg[^<]*)<\/referanseDokumentfil>/g)].map(
        (x) => x[1],
      ),
      notes: [...m.matchAll(/<merknadstekst>([^<]*)<\/merknadstekst>/g)].map((x) => x[1]),
    }));
}

/** A property's value in arkivuttrekk.xml: `<property name="…">` followed by its `<value>`. */
const values = (xml: string, name: string): string[] =>
  [...xml.matchAll(new RegExp(`<property(?: dataType="\\w+")? name="${name}">\\s*<value>([^<]*)</value>`, 'g'))].map((m) => m[1]);

describe('archive export: a gate sent back and submitted again, and the extract’s ADDML description', () => {
  let t: TestApp;
  let f: ProjectFixture;
  let firstId: string;
  let secondId: string;
  const FIRST_GOAL = 'Første mål: kartlegge næringslivet i regionen.';
  const SECOND_GOAL = 'Andre mål: én felles førstelinje innen 2028.';
  const FIRST_PROPOSAL = 'Innstilling: regionrådet ber om konkrete mål før forprosjektet.';
  const SECOND_RECOMMENDATION = 'Revidert anbefaling: et felles næringsfond, begrunnet i kartleggingen.';
  const exportUrl = () => `/api/projects/${f.projectId}/archive-export?phase=forstudie`;

  const setGoal = async (text: string) => {
    const plan = (await f.leader.get(`/api/projects/${f.projectId}/phases/forprosjekt/plan`).expect(200)).body;
    await f.leader
      .patch(`/api/projects/${f.projectId}/phases/forprosjekt/plan`)
      .send({ version: plan.version, content: { goals: { ...plan.content.goals, main_goal: text } } })
      .expect(200);
  };
  const deliverables = async (): Promise<{ id: string; key: string | null; version: number; state: string }[]> =>
    (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body.phases.find((p: { key: string }) => p.key === 'forstudie')
      .deliverables;

  beforeAll(async () => {
    t = await createTestApp();
    f = await newProjectFixture(t, `Arkiv igjen ${Math.random().toString(36).slice(2, 8)}`);
    await makePhaseReady(f, 'forstudie');
    await setGoal(FIRST_GOAL);
    firstId = await submitPhase(f, 'forstudie');
    // The secretariat's innstilling, written after the submission, is what the first saksframlegg carries.
    await f.regionraad
      .put(`/api/projects/${f.projectId}/phases/forstudie/gate/proposed-decision`)
      .send({ submissionId: firstId, text: FIRST_PROPOSAL })
      .expect(200);
    const recommendation = (await deliverables()).find((d) => d.key === 'recommendation')!;
    await f.regionraad
      .post(`/api/projects/${f.projectId}/phases/forstudie/gate/decision`)
      .send(
        decision(firstId, 'sent_back', {
          caseNumber: '40/26',
          decisionText: 'Sendes tilbake for å konkretisere målene.',
          reopen: { deliverableIds: [recommendation.id], planSections: ['goals'], budget: false },
        }),
      )
      .expect(200);
    const rec = (await deliverables()).find((d) => d.id === recommendation.id)!;
    await f.leader
      .patch(`/api/projects/${f.projectId}/deliverables/${rec.id}`)
      .send({ content: SECOND_RECOMMENDATION, version: rec.version })
      .expect(200);
    await f.leader.post(`/api/projects/${f.projectId}/deliverables/${rec.id}/submit`).expect(200);
    await setGoal(SECOND_GOAL);
    const planDeliverable = (await deliverables()).find((d) => d.key === 'plan_forprosjekt')!;
    await f.leader.post(`/api/projects/${f.projectId}/deliverables/${planDeliverable.id}/submit`).expect(200);
    secondId = await submitPhase(f, 'forstudie');
    expect(secondId).not.toBe(firstId);
  });
  afterAll(() => t.close());

  it('gives each submission its own saksframlegg: the first as it was when submitted, the second as it stands', async () => {
    const files = await extract(f.adviser, exportUrl());
    const xml = strFromU8(files['arkivstruktur.xml']);
    expect(await structureErrors(xml)).toEqual([]);
    const [first, second] = folders(xml);
    expect(first.saksframlegg.length).toBeGreaterThanOrEqual(1);
    expect(second.saksframlegg.length).toBeGreaterThanOrEqual(1);
    expect(first.notes).toEqual([]);
    const text = (path: string) => flat(pdfText(files[path]));
    const before = text(first.saksframlegg[0]);
    const after = text(second.saksframlegg[0]);
    expect(before).toContain(FIRST_GOAL);
    expect(before).toContain(FIRST_PROPOSAL);
    expect(before).not.toContain(SECOND_GOAL);
    expect(before).not.toContain(SECOND_RECOMMENDATION);
    expect(after).toContain(SECOND_GOAL);
    expect(after).toContain(SECOND_RECOMMENDATION);
    expect(after).not.toContain(FIRST_GOAL);
    expect(after).not.toContain(FIRST_PROPOSAL);
    // Every body on the first route has its saksframlegg, each its own file.
    expect(new Set(first.saksframlegg).size).toBe(first.saksframlegg.length);
  });

  it('writes arkivuttrekk.xml valid against Arkivverket’s ADDML schema, with the checksums and sizes of the files', async () => {
    const files = await extract(f.leader, exportUrl());
    const addml = strFromU8(files['arkivuttrekk.xml']);
    expect(strFromU8(files['addml.xsd'])).toBe(ADDML_XSD);
    const result = await validateXML({
      xml: [{ fileName: 'arkivuttrekk.xml', contents: addml }],
      schema: [{ fileName: 'addml.xsd', contents: ADDML_XSD }],
    });
    expect(result.valid ? [] : result.errors.map((e) => e.rawMessage)).toEqual([]);
    // The schema check bites: a property without its name is refused.
    const broken = await validateXML({
      xml: [{ fileName: 'arkivuttrekk.xml', contents: addml.replace('<property name="info">', '<property>') }],
      schema: [{ fileName: 'addml.xsd', contents: ADDML_XSD }],
    });
    expect(broken.valid).toBe(false);

    const names = values(addml, 'name');
    expect(names).toEqual(['arkivstruktur.xml', 'arkivstruktur.xsd', 'metadatakatalog.xsd']);
    const sums = values(addml, 'value').filter((v) => /^[0-9a-f]{64}$/.test(v));
    const sizes = values(addml, 'size').map(Number);
    names.forEach((name, i) => {
      expect(sums[i]).toBe(sha256(files[name]));
      expect(sizes[i]).toBe(files[name].length);
    });
    const xml = strFromU8(files['arkivstruktur.xml']);
    const counts = [...addml.matchAll(/<property dataType="integer" name="value">\s*<value>(\d+)<\/value>/g)].map((m) => Number(m[1]));
    expect(counts).toEqual([(xml.match(/<mappe /g) ?? []).length, (xml.match(/<registrering /g) ?? []).length]);
    expect(values(addml, 'antallDokumentfiler')).toEqual([String(Object.keys(files).filter((n) => n.startsWith('dokumenter/')).length)]);
    expect(values(addml, 'recordCreator')).toEqual([]); // an additionalElement, not a property
    expect(addml).toMatch(/<additionalElement name="recordCreator">\s*<value>[^<]+<\/value>/);
    expect(addml).toContain('<value>Næringsvennlig region</value>');
    // The checksum list covers the new files too.
    const listed = strFromU8(files['sjekksummer.sha256']);
    expect(listed).toContain(`${sha256(files['arkivuttrekk.xml'])}  arkivuttrekk.xml`);
    expect(listed).toContain(`${sha256(files['addml.xsd'])}  addml.xsd`);
  });

  it('notes on the journalpost when an earlier submission’s saksframlegg was not kept, rather than making one up', async () => {
    await t.db.query(`DELETE FROM gate_submission_case_data WHERE submission_id = $1`, [firstId]);
    const files = await extract(f.adviser, exportUrl());
    const xml = strFromU8(files['arkivstruktur.xml']);
    expect(await structureErrors(xml)).toEqual([]);
    const [first, second] = folders(xml);
    expect(first.saksframlegg).toEqual([]);
    expect(first.notes.length).toBeGreaterThanOrEqual(1);
    expect(first.notes[0]).toContain('ble ikke tatt vare på');
    expect(second.saksframlegg.length).toBeGreaterThanOrEqual(1);
    const nn = strFromU8((await extract(f.adviser, `${exportUrl()}&lang=nn`))['arkivstruktur.xml']);
    expect(folders(nn)[0].notes[0]).toContain('vart ikkje teke vare på');
  });
});
