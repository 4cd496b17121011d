import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { JobQueue } from '../src/jobs/job-queue.service';
import { JobWorker } from '../src/jobs/job-worker';
import { NotificationService } from '../src/notifications/notification.service';
import { startFakeSmtp } from './support/fake-smtp';
import { createTestApp, TestApp } from './support/test-app';

const waitFor = async (check: () => Promise<boolean>, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('job queue', () => {
  let t: TestApp;
  let queue: JobQueue;
  const job = async (id: string) =>
    (
      await t.db.query(
        `SELECT state, attempts, last_error, locked_by, extract(epoch FROM run_at - now())::int AS due_in FROM job WHERE id = $1`,
        [id],
      )
    )[0];

  beforeAll(async () => {
    t = await createTestApp();
    queue = t.app.get(JobQueue);
  });
  afterAll(() => t.close());

  it('enqueues a unique key once', async () => {
    queue.register('test.noop', async () => undefined);
    const first = await queue.enqueue('test.noop', {}, { uniqueKey: 'noop:1' });
    expect(first).toEqual(expect.any(String));
    expect(await queue.enqueue('test.noop', {}, { uniqueKey: 'noop:1' })).toBeNull();
    expect(await t.db.query(`SELECT count(*)::int AS n FROM job WHERE unique_key = 'noop:1'`)).toEqual([{ n: 1 }]);
    expect(await queue.drain()).toBe(1);
    expect(await job(first as string)).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('retries a failing job with growing backoff, then gives up', async () => {
    let calls = 0;
    queue.register('test.flaky', async () => {
      calls += 1;
      throw new Error(`SMTP answered 421 (call ${calls})`);
    });
    const id = (await queue.enqueue('test.flaky', { n: 1 }, { maxAttempts: 3 })) as string;
    expect(await queue.runNext()).toBe('failed');
    expect(await job(id)).toMatchObject({ state: 'queued', attempts: 1, last_error: 'SMTP answered 421 (call 1)', locked_by: null });
    expect((await job(id)).due_in).toBeGreaterThanOrEqual(28); // 30 s
    expect(await queue.runNext()).toBe('idle'); // not due yet
    await t.db.query(`UPDATE job SET run_at = now() WHERE id = $1`, [id]);
    expect(await queue.runNext()).toBe('failed');
    expect((await job(id)).due_in).toBeGreaterThanOrEqual(58); // 60 s
    await t.db.query(`UPDATE job SET run_at = now() WHERE id = $1`, [id]);
    expect(await queue.runNext()).toBe('failed');
    expect(await job(id)).toMatchObject({ state: 'failed', attempts: 3, last_error: 'SMTP answered 421 (call 3)' });
    expect(calls).toBe(3);
  });

  it('succeeds on a retry', async () => {
    let calls = 0;
    queue.register('test.second-time', async () => {
      calls += 1;
      if (calls === 1) throw new Error('not yet');
    });
    const id = (await queue.enqueue('test.second-time')) as string;
    await queue.runNext();
    await t.db.query(`UPDATE job SET run_at = now() WHERE id = $1`, [id]);
    expect(await queue.runNext()).toBe('ran');
    expect(await job(id)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('skips a job another worker has locked instead of waiting for it (SKIP LOCKED)', async () => {
    queue.register('test.locked', async () => undefined);
    const a = (await queue.enqueue('test.locked', {}, { runAt: new Date(Date.now() - 2000) })) as string;
    const b = (await queue.enqueue('test.locked', {}, { runAt: new Date(Date.now() - 1000) })) as string;
    const other = t.db.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    try {
      await other.query(`SELECT id FROM job WHERE id = $1 FOR UPDATE`, [a]); // the oldest job is held elsewhere
      const started = Date.now();
      const claimed = await queue.claim('worker-2');
      expect(Date.now() - started).toBeLessThan(2000);
      expect(claimed?.id).toBe(b);
      expect(await queue.claim('worker-3')).toBeNull();
    } finally {
      await other.rollbackTransaction();
      await other.release();
    }
    expect((await queue.claim('worker-3'))?.id).toBe(a);
  });

  it('gives each job to exactly one of several concurrent workers', async () => {
    const seen: string[] = [];
    queue.register('test.count', async (payload) => {
      seen.push(String(payload.n));
      await new Promise((r) => setTimeout(r, 5));
    });
    for (let n = 0; n < 30; n++) await queue.enqueue('test.count', { n });
    const ran = await Promise.all(['w1', 'w2', 'w3', 'w4', 'w5'].map((w) => queue.drain(100, w)));
    expect(ran.reduce((x, y) => x + y, 0)).toBe(30);
    expect(seen.sort()).toEqual([...Array(30).keys()].map(String).sort());
    expect(ran.filter((n) => n > 0).length).toBeGreaterThan(1); // the work was shared
  });

  it('hands a job whose worker died to another worker after its lease', async () => {
    queue.register('test.orphan', async () => undefined);
    const id = (await queue.enqueue('test.orphan')) as string;
    await t.db.query(
      `UPDATE job SET state = 'running', locked_by = 'dead-worker', locked_at = now() - interval '1 hour', attempts = 1 WHERE id = $1`,
      [id],
    );
    await queue.tick();
    expect(await job(id)).toMatchObject({ state: 'queued', locked_by: null });
    await queue.drain();
    expect(await job(id)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('hands on at once the job of a killed worker on this machine, but not that of a live one', async () => {
    queue.register('test.killed', async () => undefined);
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid as number; // a pid that has just ended
    const killed = (await queue.enqueue('test.killed')) as string;
    const alive = (await queue.enqueue('test.killed')) as string;
    const lockAs = (id: string, worker: string) =>
      t.db.query(`UPDATE job SET state = 'running', locked_by = $2, locked_at = now(), attempts = 1 WHERE id = $1`, [id, worker]);
    await lockAs(killed, `${hostname()}:${dead}:abcd1234`);
    await lockAs(alive, `${hostname()}:${process.ppid}:abcd1234`);
    await queue.tick();
    expect(await job(killed)).toMatchObject({ state: 'queued', locked_by: null });
    expect(await job(alive)).toMatchObject({ state: 'running' });
    await t.db.query(`UPDATE job SET state = 'done' WHERE id = $1`, [alive]);
  });

  it('runs in the background when the worker is started, and stops cleanly', async () => {
    const worker = t.app.get(JobWorker);
    const done: string[] = [];
    queue.register('test.background', async (p) => void done.push(String(p.v)));
    worker.start();
    try {
      await queue.enqueue('test.background', { v: 'a' });
      await waitFor(async () => done.includes('a'));
    } finally {
      await worker.stop();
    }
    await queue.enqueue('test.background', { v: 'b' });
    await new Promise((r) => setTimeout(r, 300));
    expect(done).toEqual(['a']);
  });
});

describe('e-mail over SMTP', () => {
  it('delivers outbox mail through a job, and retries while the server is down', async () => {
    const smtp = await startFakeSmtp();
    const t = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, mailFrom: 'Næringsvennlig region <varsel@test.no>' });
    try {
      const user = await t.factories.newUser({ email: 'mottaker@test.no' });
      const notifications = t.app.get(NotificationService);
      const queue = t.app.get(JobQueue);
      const send = (targetId: string) =>
        t.db.transaction((tx) =>
          notifications.notify(tx, [
            {
              recipientId: user.id,
              kind: 'mention',
              projectId: null,
              targetType: 'comment',
              targetId,
              title: 'Hei på deg',
              body: 'Æ, ø og å kommer fram.',
              link: null,
            },
          ]),
        );
      expect(await send('0b7c9a4e-5d1f-4e2a-9c3b-8a6d2f1e0c5b')).toBe(1);
      expect(await t.db.query(`SELECT state FROM outbox`)).toEqual([{ state: 'pending' }]);
      expect(await queue.drain()).toBe(1);
      expect(await t.db.query(`SELECT state, attempts FROM outbox`)).toEqual([{ state: 'sent', attempts: 1 }]);
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]).toMatchObject({ from: 'varsel@test.no', to: ['mottaker@test.no'] });
      expect(smtp.received[0].data).toMatch(/Subject: Hei p=C3=A5 deg|Subject: =\?UTF-8\?/);

      await smtp.close();
      expect(await send('1b7c9a4e-5d1f-4e2a-9c3b-8a6d2f1e0c5b')).toBe(1);
      expect(await queue.runNext()).toBe('failed');
      const [pending] = await t.db.query(`SELECT state, attempts, last_error FROM outbox WHERE state <> 'sent'`);
      expect(pending).toMatchObject({ state: 'pending', attempts: 1, last_error: expect.any(String) });
      expect(await t.db.query(`SELECT state, attempts FROM job WHERE kind = 'mail.deliver' AND state <> 'done'`)).toEqual([
        { state: 'queued', attempts: 1 },
      ]);
    } finally {
      await t.close();
      await smtp.close().catch(() => undefined);
    }
  });
});
