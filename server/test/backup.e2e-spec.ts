import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { dataSourceOptions } from '../src/database/data-source-options';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import request from 'supertest';
import { loadConfig } from '../src/config/app-config';
import { createApp } from '../src/create-app';
import { backupDatabase, type BackupResult } from '../src/database/backup/backup';
import { BackupError } from '../src/database/backup/backup-format';
import { listSequences, listTables, qualified, tablesWithRows } from '../src/database/backup/catalog';
import { restoreDatabase } from '../src/database/backup/restore';
import { DEMO_PASSWORD } from '../src/database/seed/demo-data';
import { seedDemoData } from '../src/database/seed/seed';
import { newProjectFixture, saveBalancedBudget } from './support/plp';
import { createTestDatabase, TEST_ENV, urlFor, withAdmin } from './support/postgres';
import { createTestApp, TestApp } from './support/test-app';

/** A brand-new database with nothing in it (not even the migrations), dropped by `drop`. */
async function newEmptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env[TEST_ENV.adminUrl]!;
  // Named after the template, so the global teardown drops it should this file crash.
  const name = `${process.env[TEST_ENV.template]}_restore_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    url: urlFor(adminUrl, name),
    drop: () => withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** The app on an existing database, as the test app builds it. */
async function startAppOn(url: string): Promise<INestApplication> {
  const app = await createApp({ ...loadConfig({}), webDistDir: null, logLevel: 'error', jobsEnabled: false }, url, false);
  await app.init();
  return app;
}

async function signIn(app: INestApplication, email: string): Promise<ReturnType<typeof request.agent>> {
  const agent = request.agent(app.getHttpServer());
  await agent.post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
  return agent;
}

/** Raw bytes of a response, whatever its type, with status and content type in front. */
async function rawGet(agent: ReturnType<typeof request.agent>, path: string): Promise<Buffer> {
  const res = await agent
    .get(path)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
  const head = `${res.status} ${res.headers['content-type']} ${res.headers['content-disposition'] ?? ''}\n`;
  return Buffer.concat([Buffer.from(head), res.body as Buffer]);
}

/** What the admin sees: the portfolio, and for every project its details, history, status reports and phase plans. */
async function adminAnswers(app: INestApplication, filePath: string): Promise<Map<string, Buffer>> {
  const admin = await signIn(app, 'admin@demo.no');
  const answers = new Map<string, Buffer>();
  const get = async (path: string) => {
    const body = await rawGet(admin, path);
    answers.set(path, body);
    return body;
  };
  const portfolio = await get('/api/portfolio');
  const rows = JSON.parse(portfolio.subarray(portfolio.indexOf('\n') + 1).toString()).rows as { id: string }[];
  for (const { id } of rows) {
    const project = await get(`/api/projects/${id}`);
    await get(`/api/projects/${id}/history`);
    await get(`/api/projects/${id}/status-reports`);
    const phases = JSON.parse(project.subarray(project.indexOf('\n') + 1).toString()).phases as { key: string }[];
    for (const { key } of phases) await get(`/api/projects/${id}/phases/${key}/plan`);
  }
  await get('/api/regions');
  await get('/api/users');
  await get(filePath);
  return answers;
}

/** Every table's rows as PostgreSQL prints them (its own text of every value), and every sequence. */
async function contents(url: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET TimeZone = 'UTC'`);
    const out: Record<string, string> = {};
    for (const t of await listTables(client)) {
      const { rows } = await client.query<{ n: string; text: string }>(
        `SELECT count(*) AS n, coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '') AS text FROM ${qualified(t.name)} x`,
      );
      out[t.name] = `${rows[0].n}\n${rows[0].text}`;
    }
    for (const s of await listSequences(client)) {
      const { rows } = await client.query(`SELECT last_value, is_called FROM ${qualified(s)}`);
      out[`sequence ${s}`] = JSON.stringify(rows[0]);
    }
    return out;
  } finally {
    await client.end();
  }
}

/** A real PDF (it must open in a PDF library) carrying every byte value, so bytea round-trips are tested. */
async function pdfWithEveryByte(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  page.drawText('Intervjuer Kongsberg æøå', { font: await doc.embedFont(StandardFonts.Helvetica) });
  await doc.attach(
    Uint8Array.from({ length: 256 }, (_, i) => i),
    'bytes.bin',
    { mimeType: 'application/octet-stream' },
  );
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

describe('backup and restore', () => {
  let a: TestApp;
  let b: { url: string; drop: () => Promise<void> };
  let appB: INestApplication | null = null;
  let dir: string;
  let file: string;
  let filePath: string;
  let pdf: Buffer;
  let backedUp: BackupResult;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nvr-backup-'));
    file = join(dir, 'nvr.jsonl.gz');
    a = await createTestApp();
    await seedDemoData(a.db);
    // Beyond the demo data: a project with history, a budget, a stored file and a comment with a mention.
    const f = await newProjectFixture(a);
    await saveBalancedBudget(f, 'forprosjekt');
    const project = (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body;
    const deliverable = project.phases[0].deliverables.find((d: { key: string }) => d.key === 'current_practice');
    const base = `/api/projects/${f.projectId}/deliverables/${deliverable.id}`;
    pdf = await pdfWithEveryByte();
    const uploaded = (await f.leader.post(`${base}/files`).attach('file', pdf, 'Intervjuer Kongsberg æøå.pdf').expect(201)).body;
    filePath = `${base}/files/${uploaded.files[0].id}`;
    await f.leader
      .post(`/api/projects/${f.projectId}/comments`)
      .send({ targetType: 'deliverable', targetId: deliverable.id, body: `Se på vedlegget, @${f.adviser.userId}` })
      .expect(201);
    // Numbers beyond a double's precision and odd times, straight into the tables.
    await a.db.query(`UPDATE budget_line SET hours = 123456789.5 WHERE id = (SELECT id FROM budget_line ORDER BY id LIMIT 1)`);
    await a.db.query(
      `INSERT INTO login_attempt (id, email, ip, succeeded, at) OVERRIDING SYSTEM VALUE
       VALUES (9007199254740993, 'gammel@test.no', '10.0.0.1', false, '1999-12-31 23:59:59.999999+14')`,
    );
    b = await newEmptyDatabase();
  });

  afterAll(async () => {
    await appB?.close();
    await a?.close();
    await b?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes a database that only the migrations have written to for empty', async () => {
    const fresh = await createTestDatabase();
    const client = new Client({ connectionString: fresh.url });
    await client.connect();
    try {
      expect(await tablesWithRows(client, await listTables(client))).toEqual([]);
    } finally {
      await client.end();
      await fresh.drop();
    }
  });

  it('backs up the whole database and restores it into an empty one, with the same answers from the API', async () => {
    await adminAnswers(a.app, filePath); // whatever a first read writes, it is in the backup
    backedUp = await backupDatabase(a.url, file);
    const expected = await contents(a.url);
    const answersA = await adminAnswers(a.app, filePath);

    const lines = gunzipSync(await readFile(file))
      .toString('utf8')
      .trimEnd()
      .split('\n');
    const header = JSON.parse(lines[0]);
    expect(header).toMatchObject({ format: 'naeringsvennlig-region-backup', formatVersion: 1, serverVersion: expect.any(String) });
    expect(header.migrations.map((m: { name: string }) => m.name)).toContain('FollowingProgress1795488000000');
    expect(header.tables).toEqual(expect.arrayContaining(['migrations', 'stored_file', 'history_event', 'project']));
    expect(JSON.parse(lines[lines.length - 1])).toEqual({ end: true, rows: backedUp.rows });
    expect((await stat(file)).size).toBe(backedUp.bytes);
    console.log(
      `Backup of the demo data: ${backedUp.bytes} bytes, ${Object.values(backedUp.rows).reduce((x, y) => x + y, 0)} rows, ${backedUp.ms} ms`,
    );

    const restored = await restoreDatabase(b.url, file);
    expect(restored.rows).toEqual(backedUp.rows);
    expect(restored.migrationsRun).toEqual(header.migrations.map((m: { name: string }) => m.name));
    expect(await contents(b.url)).toEqual(expected);

    appB = await startAppOn(b.url);
    const answersB = await adminAnswers(appB, filePath);
    expect([...answersB.keys()]).toEqual([...answersA.keys()]);
    for (const [path, body] of answersA)
      expect({ path, body: answersB.get(path)?.toString('latin1') }).toEqual({ path, body: body.toString('latin1') });
    const download = answersB.get(filePath)!;
    expect(download.subarray(download.indexOf('\n') + 1).equals(pdf)).toBe(true);
  });

  it('refuses a database in use by the app, and one that is not empty unless forced', async () => {
    await expect(restoreDatabase(b.url, file)).rejects.toThrow(/The app is connected to the database .*stop it before restoring/);
    await appB!.close();
    appB = null;
    await expect(restoreDatabase(b.url, file)).rejects.toThrow(/is not empty \(rows in .*add --force/);
    const client = new Client({ connectionString: b.url });
    await client.connect();
    await client.query(`DELETE FROM user_session`);
    await client.query(`INSERT INTO app_state (key, value) VALUES ('left-over', 'x')`);
    await client.end();
    const forced = await restoreDatabase(b.url, file, { force: true });
    expect(forced.migrationsRun).toEqual([]);
    expect(await contents(b.url)).toEqual(await contentsOfBackup());
  });

  it('says clearly what is wrong with a file, and changes nothing', async () => {
    const before = await contents(b.url);
    const restore = (path: string) => restoreDatabase(b.url, path, { force: true });
    const write = async (name: string, data: Buffer | string) => {
      await writeFile(join(dir, name), data);
      return join(dir, name);
    };
    const original = await readFile(file);
    const lines = gunzipSync(original).toString('utf8').split('\n');
    const header = JSON.parse(lines[0]);
    const withHeader = (h: object) => gzipSync([JSON.stringify(h), ...lines.slice(1)].join('\n'));

    await expect(restore(join(dir, 'missing.jsonl.gz'))).rejects.toThrow(/^No backup file at .*missing\.jsonl\.gz\.$/);
    await expect(restore(dir)).rejects.toThrow(/is not a file/);
    await expect(restore(await write('notes.txt', 'hello\n'))).rejects.toThrow(/notes\.txt is not a backup made by "npm run backup"/);
    await expect(restore(await write('other.gz', gzipSync('{"hello":1}\n')))).rejects.toThrow(
      /other\.gz is not a backup made by "npm run backup"/,
    );
    await expect(restore(await write('v99.gz', withHeader({ ...header, formatVersion: 99 })))).rejects.toThrow(
      /format version 99; this version of the app reads format version 1 only/,
    );
    await expect(
      restore(
        await write(
          'newer.gz',
          withHeader({
            ...header,
            migrations: [...header.migrations, { id: 99, timestamp: '1899999999999', name: 'Future1899999999999' }],
          }),
        ),
      ),
    ).rejects.toThrow(/made by a newer version of the app: it has migrations this version does not know \(Future1899999999999\)/);
    await expect(restore(await write('cut.gz', original.subarray(0, Math.floor(original.length * 0.6))))).rejects.toThrow(
      /is cut off: the backup is incomplete/,
    );
    await expect(restore(await write('no-end.gz', gzipSync(lines.slice(0, -2).join('\n'))))).rejects.toThrow(/ends early/);
    const rowLine = lines.findIndex((l) => l.startsWith('{"table":"kommune"'));
    await expect(restore(await write('lost-row.gz', gzipSync(lines.filter((_, i) => i !== rowLine).join('\n'))))).rejects.toThrow(
      /row counts .* do not add up \(kommune\)/,
    );
    expect(await contents(b.url)).toEqual(before);
  });

  it('restores a backup of an older schema at that schema, for the app to migrate further, and never into a newer one', async () => {
    const older = await newEmptyDatabase();
    const target = await newEmptyDatabase();
    const olderFile = join(dir, 'older.jsonl.gz');
    try {
      const upTo = migrations.slice(0, -1);
      const ds = await new DataSource({ ...dataSourceOptions(older.url), migrations: upTo }).initialize();
      await ds.runMigrations({ transaction: 'each' });
      await ds.query(`INSERT INTO region (name, council_name) VALUES ('Eldre regionen', 'Eldre regionråd')`);
      await ds.destroy();
      await backupDatabase(older.url, olderFile);

      const restored = await restoreDatabase(target.url, olderFile);
      expect(restored.migrationsRun).toEqual(upTo.map((m) => new m().name));
      expect(restored.rows.region).toBe(1);
      const ds2 = await new DataSource(dataSourceOptions(target.url)).initialize();
      try {
        expect((await ds2.runMigrations()).map((m) => m.name)).toEqual([new migrations[migrations.length - 1]().name]);
        expect(await ds2.query(`SELECT name FROM region`)).toEqual([{ name: 'Eldre regionen' }]);
      } finally {
        await ds2.destroy();
      }
      await expect(restoreDatabase(target.url, olderFile, { force: true })).rejects.toThrow(
        /has migrations the backup does not \(\w+\): its schema is newer than the backup's/,
      );
    } finally {
      await older.drop();
      await target.drop();
    }
  });

  async function contentsOfBackup(): Promise<Record<string, string>> {
    // A's database after the backup differs only in sessions (sign-ins for the comparison): restore again elsewhere.
    const c = await newEmptyDatabase();
    try {
      await restoreDatabase(c.url, file);
      return await contents(c.url);
    } finally {
      await c.drop();
    }
  }

  it('rejects BackupError for refusals, so the command prints only the message', async () => {
    await expect(restoreDatabase(b.url, join(dir, 'missing'))).rejects.toBeInstanceOf(BackupError);
  });
});
