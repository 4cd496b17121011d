import {
  mayInviteTo,
  canOnProject,
  canOnRegion,
  kommuneCaseOpen,
  mayRecordForKommune,
  RoleAssignment,
  roleKommuneProblem,
  roleScopeProblem,
  visibleRegionIds,
} from './access';

const R1 = 'region-1';
const R2 = 'region-2';
const P1 = { id: 'project-1', regionId: R1 };
const P2 = { id: 'project-2', regionId: R1 };
const role = (r: RoleAssignment['role'], regionId: string | null = R1, projectId: string | null = null): RoleAssignment => ({
  role: r,
  regionId,
  projectId,
});

describe('canOnRegion', () => {
  it('lets the regionråd read, comment and decide in its own region only', () => {
    const me = [role('regionraad')];
    expect(canOnRegion(me, R1, 'decide')).toBe(true);
    expect(canOnRegion(me, R2, 'read')).toBe(false);
    expect(canOnRegion(me, R1, 'administer')).toBe(false);
  });
  it('lets advisers read and comment, never decide', () => {
    expect(canOnRegion([role('adviser')], R1, 'comment')).toBe(true);
    expect(canOnRegion([role('adviser')], R1, 'decide')).toBe(false);
  });
  it('lets kommune contacts read only', () => {
    expect(canOnRegion([role('kommune_contact')], R1, 'read')).toBe(true);
    expect(canOnRegion([role('kommune_contact')], R1, 'comment')).toBe(false);
  });
  it('lets admins do anything anywhere', () => {
    expect(canOnRegion([role('admin', null)], R2, 'administer')).toBe(true);
  });
  it('combines several roles', () => {
    const me = [role('kommune_contact', R1), role('regionraad', R2)];
    expect(canOnRegion(me, R1, 'decide')).toBe(false);
    expect(canOnRegion(me, R2, 'decide')).toBe(true);
  });
});

describe('canOnProject', () => {
  it('lets the project leader edit and submit their own project, not another in the same region', () => {
    const me = [role('project_leader', R1, P1.id)];
    expect(canOnProject(me, P1, 'submit')).toBe(true);
    expect(canOnProject(me, P2, 'read')).toBe(false);
    expect(canOnProject(me, P1, 'decide')).toBe(false);
  });
  it('lets project members edit but not submit', () => {
    expect(canOnProject([role('project_member', R1, P1.id)], P1, 'edit')).toBe(true);
    expect(canOnProject([role('project_member', R1, P1.id)], P1, 'submit')).toBe(false);
  });
  it('lets the regionråd decide on every project of its region, and advisers only read and comment', () => {
    expect(canOnProject([role('regionraad')], P2, 'decide')).toBe(true);
    expect(canOnProject([role('adviser')], P2, 'comment')).toBe(true);
    expect(canOnProject([role('adviser')], P2, 'edit')).toBe(false);
    expect(canOnProject([role('adviser', R2)], P2, 'read')).toBe(false);
  });
});

describe('visibleRegionIds and roleScopeProblem', () => {
  it('lists the regions of the roles, or all for admins', () => {
    expect(visibleRegionIds([role('adviser', R1), role('adviser', R2), role('project_member', R1, P1.id)])).toEqual([R1, R2]);
    expect(visibleRegionIds([role('admin', null)])).toBe('all');
    expect(visibleRegionIds([])).toEqual([]);
  });
  it('explains a role given the wrong scope', () => {
    expect(roleScopeProblem({ role: 'admin', regionId: R1 })).toMatch(/takes no region/);
    expect(roleScopeProblem({ role: 'adviser' })).toBe('The role adviser needs a region.');
    expect(roleScopeProblem({ role: 'project_leader', regionId: R1 })).toBe('The role project_leader needs a project.');
    expect(roleScopeProblem({ role: 'regionraad', regionId: R1 })).toBeNull();
  });
});

describe('mayRecordForKommune', () => {
  const K1 = 'kommune-1';
  const K2 = 'kommune-2';
  const contact = (kommuneId: string | null, regionId = R1): RoleAssignment => ({ ...role('kommune_contact', regionId), kommuneId });
  it('lets admins and the secretariat of the region record for every kommune', () => {
    expect(mayRecordForKommune([role('admin', null)], P1, K1)).toBe(true);
    expect(mayRecordForKommune([role('regionraad')], P1, K2)).toBe(true);
    expect(mayRecordForKommune([role('regionraad', R2)], P1, K1)).toBe(false);
  });
  it('lets a region-wide contact record for every kommune of its region', () => {
    expect(mayRecordForKommune([contact(null)], P1, K1)).toBe(true);
    expect(mayRecordForKommune([role('kommune_contact')], P1, K2)).toBe(true);
    expect(mayRecordForKommune([contact(null, R2)], P1, K1)).toBe(false);
  });
  it("lets a kommune's contact record only its own kommune's case", () => {
    expect(mayRecordForKommune([contact(K1)], P1, K1)).toBe(true);
    expect(mayRecordForKommune([contact(K1)], P1, K2)).toBe(false);
    expect(mayRecordForKommune([contact(K1), contact(K2)], P1, K2)).toBe(true);
    expect(mayRecordForKommune([contact(K1, R2)], P1, K1)).toBe(false);
  });
  it('never lets the team or advisers record', () => {
    expect(mayRecordForKommune([role('project_leader', R1, P1.id), role('adviser')], P1, K1)).toBe(false);
  });
});

describe('kommuneCaseOpen', () => {
  const open = (decision: Parameters<typeof kommuneCaseOpen>[0]['decision'], phaseState = 'awaiting_decision', projectStatus = 'active') =>
    kommuneCaseOpen({ decision, phaseState, projectStatus });
  it('is open while the gate awaits its decision', () => {
    expect(open(null)).toBe(true);
    expect(open(null, 'in_progress')).toBe(false);
  });
  it('stays open after an approval while the project is active', () => {
    expect(open('approved', 'completed')).toBe(true);
    expect(open('approved_with_conditions', 'completed')).toBe(true);
    expect(open('approved', 'completed', 'completed')).toBe(false);
  });
  it('closes on a send-back or a stop', () => {
    expect(open('sent_back', 'in_progress')).toBe(false);
    expect(open('stopped', 'stopped')).toBe(false);
  });
});

describe('roleKommuneProblem', () => {
  it('allows a kommune only on a kommune contact', () => {
    expect(roleKommuneProblem({ role: 'kommune_contact', kommuneId: 'k' })).toBeNull();
    expect(roleKommuneProblem({ role: 'kommune_contact' })).toBeNull();
    expect(roleKommuneProblem({ role: 'regionraad', kommuneId: 'k' })).toMatch(/regionraad/);
  });
});

describe('mayInviteTo', () => {
  const P_OTHER = { id: 'project-9', regionId: 'region-2' };
  it('lets an admin give any role, and nobody else the admin role', () => {
    expect(mayInviteTo([role('admin', null)], { role: 'admin', regionId: null }, null)).toBe(true);
    expect(mayInviteTo([role('regionraad')], { role: 'admin', regionId: null }, null)).toBe(false);
  });
  it("lets the regionråd give its region's roles and its projects' roles, and nothing elsewhere", () => {
    const raad = [role('regionraad')];
    expect(mayInviteTo(raad, { role: 'adviser', regionId: R1 }, null)).toBe(true);
    expect(mayInviteTo(raad, { role: 'project_leader', regionId: R1 }, P1)).toBe(true);
    expect(mayInviteTo(raad, { role: 'adviser', regionId: 'region-2' }, null)).toBe(false);
    expect(mayInviteTo(raad, { role: 'project_member', regionId: 'region-2' }, P_OTHER)).toBe(false);
  });
  it("lets a project leader give their own project's roles only", () => {
    const leader = [role('project_leader', R1, P1.id)];
    expect(mayInviteTo(leader, { role: 'project_member', regionId: R1 }, P1)).toBe(true);
    expect(mayInviteTo(leader, { role: 'project_member', regionId: R1 }, P2)).toBe(false);
    expect(mayInviteTo(leader, { role: 'adviser', regionId: R1 }, null)).toBe(false);
  });
  it('never lets advisers, members or kommune contacts invite', () => {
    for (const r of [role('adviser'), role('project_member', R1, P1.id), role('kommune_contact')]) {
      expect(mayInviteTo([r], { role: 'project_member', regionId: R1 }, P1)).toBe(false);
      expect(canOnRegion([r], R1, 'invite')).toBe(false);
    }
  });
});
