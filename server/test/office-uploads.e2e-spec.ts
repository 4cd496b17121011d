import type request from 'supertest';
import { newProjectFixture, ProjectFixture } from './support/plp';
import { sampleDocx, sampleOfficeFile, samplePptx, sampleXlsx } from './support/sample-files';
import { createTestApp, TestApp } from './support/test-app';

/** Reads a download as bytes, whatever its type. */
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** Survey exports and presentations as attachments: Office files are judged by their parts, macros never pass. */
describe('Office attachments over HTTP', () => {
  let t: TestApp;
  let f: ProjectFixture;
  let url: string;
  /** How many files the deliverable has after the first test. */
  let count: number;

  beforeAll(async () => {
    t = await createTestApp();
    f = await newProjectFixture(t, 'Vedleggsregionen');
    const deliverable = (await f.leader.get(`/api/projects/${f.projectId}`)).body.phases[0].deliverables.find(
      (x: { key: string }) => x.key === 'current_practice',
    );
    url = `/api/projects/${f.projectId}/deliverables/${deliverable.id}/files`;
  });
  afterAll(() => t.close());

  it('takes an Excel survey export, a PowerPoint presentation and a Word document, and gives them back as they are', async () => {
    const files = [
      {
        data: sampleXlsx(),
        name: 'Næringslivsundersøkelse.xlsx',
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      {
        data: samplePptx(),
        name: 'Presentasjon regionrådet.pptx',
        type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      },
      { data: sampleDocx(), name: 'Notat.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    ];
    for (const file of files) {
      // The browser's word for the type does not matter: it may say octet-stream.
      const up = await f.leader
        .post(url)
        .attach('file', file.data, { filename: file.name, contentType: 'application/octet-stream' })
        .expect(201);
      const stored = up.body.files.find((x: { filename: string }) => x.filename === file.name);
      expect(stored).toMatchObject({ contentType: file.type, sizeBytes: file.data.length });
      const download = await f.adviser.get(`${url}/${stored.id}`).buffer(true).parse(binary).expect(200);
      expect(download.headers['content-type']).toBe(file.type);
      expect(Buffer.compare(download.body, file.data)).toBe(0);
    }
    // A presentation named as a workbook is stored as the presentation it is.
    const renamed = await f.leader.post(url).attach('file', samplePptx(), 'Tall.xlsx').expect(201);
    expect(renamed.body.files.map((x: { filename: string }) => x.filename)).toContain('Tall.pptx');
    count = renamed.body.files.length;
    expect(count).toBe(4);
  });

  it('refuses macro-enabled files and zips that are no Office file, with 422 FILE_TYPE_NOT_ALLOWED', async () => {
    const refused = [
      { data: sampleOfficeFile({ 'xl/workbook.xml': '<workbook/>', 'xl/vbaProject.bin': 'VBA' }), name: 'Makro.xlsm', text: /macros/ },
      { data: sampleOfficeFile({ 'xl/workbook.xml': '<workbook/>', 'xl/vbaProject.bin': 'VBA' }), name: 'Forkledd.xlsx', text: /macros/ },
      { data: sampleOfficeFile({ 'ppt/presentation.xml': '<p/>', 'ppt/vbaProject.bin': 'VBA' }), name: 'Lysark.pptm', text: /macros/ },
      { data: sampleOfficeFile({ 'content.xml': '<office:document-content/>' }), name: 'Notat.odt', text: /not a Word document/ },
    ];
    for (const file of refused) {
      const res = await f.leader.post(url).attach('file', file.data, file.name).expect(422);
      expect(res.body).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', message: expect.stringMatching(file.text) });
    }
    // Nothing was stored: the next good file is the fifth.
    const next = await f.leader.post(url).attach('file', sampleXlsx(), 'Svar.xlsx').expect(201);
    expect(next.body.files).toHaveLength(count + 1);
  });
});
