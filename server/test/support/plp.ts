import { nextPhaseKey, phaseSpec, PhaseKey, todayInOslo } from '@nvr/shared';
import type { Session, TestApp } from './test-app';

export interface ProjectFixture {
  region: { id: string; name: string };
  kommuner: { id: string }[];
  regionraad: Session;
  leader: Session;
  adviser: Session;
  projectId: string;
}

/** A region with two kommuner, its regionråd, an adviser, and a project started by the regionråd with a leader. */
export async function newProjectFixture(t: TestApp, name = `Region ${Math.random().toString(36).slice(2, 8)}`): Promise<ProjectFixture> {
  const k1 = await t.factories.newKommune({ population: 1000 });
  const k2 = await t.factories.newKommune({ population: 2000 });
  const region = await t.factories.newRegion({ name, members: [{ kommuneId: k1.id }, { kommuneId: k2.id }] });
  const regionraad = await t.as([{ role: 'regionraad', regionId: region.id }]);
  const adviser = await t.as([{ role: 'adviser', regionId: region.id }]);
  const leaderUser = await t.factories.newUser({ name: 'Pia Prosjektleder' });
  const created = await regionraad
    .post('/api/projects')
    .send({
      regionId: region.id,
      name: `Næringsvennlig ${name}`,
      kommuneIds: [k1.id, k2.id],
      leaderUserId: leaderUser.id,
      forstudie: { plannedStart: '2026-01-01', plannedEnd: '2026-09-30' },
    })
    .expect(201);
  const leader = await t.signIn(leaderUser.email);
  return { region, kommuner: [k1, k2], regionraad, leader, adviser, projectId: created.body.id };
}

/**
 * Writes the next phase's plan in full, then writes, submits and accepts every required deliverable of
 * a phase (the plan deliverable is the plan itself), gives the next phase a balanced budget and ticks the
 * checkpoints.
 */
export async function makePhaseReady(f: ProjectFixture, phaseKey: PhaseKey): Promise<void> {
  const nextKey = nextPhaseKey(phaseKey);
  if (nextKey) await completePlan(f, nextKey);
  const project = (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body;
  const phase = project.phases.find((p: { key: string }) => p.key === phaseKey);
  for (const d of phase.deliverables.filter((x: { required: boolean; state: string }) => x.required && x.state !== 'accepted')) {
    const base = `/api/projects/${f.projectId}/deliverables/${d.id}`;
    await f.leader
      .patch(base)
      .send({ content: `Innhold for ${d.title}`, version: d.version })
      .expect(200);
    await f.leader.post(`${base}/submit`).expect(200);
    await f.regionraad.post(`${base}/review`).send({ outcome: 'accepted' }).expect(200);
  }
  if (nextKey) await saveBalancedBudget(f, nextKey);
  for (const c of phaseSpec(phaseKey).checkpoints) {
    await f.leader
      .put(`/api/projects/${f.projectId}/phases/${phaseKey}/gate/checkpoints/${c.key}`)
      .send({ checked: true, comment: 'OK' })
      .expect(200);
  }
}

/** Submits a ready phase and returns the pending submission id. */
export async function submitPhase(f: ProjectFixture, phaseKey: PhaseKey): Promise<string> {
  const gate = (
    await f.leader.post(`/api/projects/${f.projectId}/phases/${phaseKey}/gate/submission`).send({ note: 'Klar til behandling' }).expect(200)
  ).body;
  return gate.pendingSubmissionId;
}

export const decision = (submissionId: string, outcome = 'approved', extra: Record<string, unknown> = {}) => ({
  submissionId,
  outcome,
  meetingDate: todayInOslo(),
  caseNumber: '12/26',
  decisionText: 'Regionrådet godkjenner fasen og vedtar oppstart av neste fase.',
  ...extra,
});

/** A small budget for a phase whose costs and financing balance (the gate before it requires one). */
export async function saveBalancedBudget(f: ProjectFixture, phaseKey: PhaseKey): Promise<void> {
  const plan = (await f.leader.get(`/api/projects/${f.projectId}/phases/${phaseKey}/plan`).expect(200)).body;
  await f.leader
    .put(`/api/projects/${f.projectId}/phases/${phaseKey}/plan/budget`)
    .send({
      version: plan.version,
      lines: [
        { kind: 'cost', category: 'project_management', year: 2027, amount: 400000 },
        { kind: 'financing', category: 'innovasjon_norge', year: 2027, amount: 200000 },
        { kind: 'financing', category: 'kommuner_direct', year: 2027, amount: 200000 },
      ],
    })
    .expect(200);
}

interface TemplateFieldLike {
  key: string;
  kind: string;
  required: boolean;
}

/** A filled value for a plan field of each kind. */
function sampleValue(kind: string, kommuneIds: string[]): unknown {
  switch (kind) {
    case 'list':
      return ['Punkt'];
    case 'subgoals':
      return [{ title: 'Delmål', activities: ['Aktivitet'] }];
    case 'kommune_resources':
      return kommuneIds.map((id) => ({ kommuneId: id, kommuneName: 'Kommune', percent: 10 }));
    case 'milestones':
      return [{ title: 'Milepæl', date: '2027-03-01' }];
    case 'roles':
      return [{ role: 'Prosjektleder', name: 'Pia Prosjektleder' }];
    default:
      return `Tekst for planen`;
  }
}

/** Fills every required field of a phase's plan (all but the sections in `except`), so the plan is complete. */
export async function completePlan(f: ProjectFixture, phaseKey: PhaseKey, except: string[] = []): Promise<void> {
  const plan = (await f.leader.get(`/api/projects/${f.projectId}/phases/${phaseKey}/plan`).expect(200)).body;
  const content: Record<string, Record<string, unknown>> = {};
  for (const section of plan.template.sections as { key: string; fields: TemplateFieldLike[] }[]) {
    if (except.includes(section.key)) continue;
    for (const field of section.fields.filter((x) => x.required)) {
      (content[section.key] ??= {})[field.key] = sampleValue(
        field.kind,
        f.kommuner.map((k) => k.id),
      );
    }
  }
  await f.leader.patch(`/api/projects/${f.projectId}/phases/${phaseKey}/plan`).send({ version: plan.version, content }).expect(200);
}
