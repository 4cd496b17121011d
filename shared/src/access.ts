/**
 * Who may do what. Pure rules used by the server (to decide) and the web app (to show only the
 * buttons a person may use). A person may hold several roles; each is scoped to a region or a project.
 */
export const ROLES = ['admin', 'regionraad', 'project_leader', 'project_member', 'adviser', 'kommune_contact'] as const;
export type Role = (typeof ROLES)[number];

/** Which kind of scope each role takes. */
export const ROLE_SCOPE: Record<Role, 'global' | 'region' | 'project'> = {
  admin: 'global',
  regionraad: 'region',
  adviser: 'region',
  kommune_contact: 'region',
  project_leader: 'project',
  project_member: 'project',
};

export interface RoleAssignment {
  role: Role;
  /** The region of the role (for project roles: the project's region). Null only for admin. */
  regionId: string | null;
  projectId: string | null;
  /**
   * Only for kommune_contact: the one kommune of the region the contact speaks for. Null or absent: a
   * region-wide contact (records and hears about every kommune of the region).
   */
  kommuneId?: string | null;
}

/** `invite`: invite people by e-mail into the region's roles and projects (the regionråd; admins everywhere). */
export type RegionAction = 'read' | 'comment' | 'decide' | 'administer' | 'invite';
/**
 * `record_kommune`: record a kommunestyre's decision on the project's gate (kommune contacts and the secretariat).
 * `invite`: invite people by e-mail into the project's team (its leader and the region's regionråd).
 */
export type ProjectAction = 'read' | 'comment' | 'edit' | 'submit' | 'decide' | 'record_kommune' | 'invite';

const REGION_ROLE_ACTIONS: Record<Exclude<Role, 'admin'>, readonly RegionAction[]> = {
  regionraad: ['read', 'comment', 'decide', 'invite'],
  adviser: ['read', 'comment'],
  kommune_contact: ['read'],
  project_leader: ['read'],
  project_member: ['read'],
};

const PROJECT_ROLE_ACTIONS: Record<Exclude<Role, 'admin'>, readonly ProjectAction[]> = {
  regionraad: ['read', 'comment', 'decide', 'record_kommune', 'invite'],
  adviser: ['read', 'comment'],
  kommune_contact: ['read', 'record_kommune'],
  project_leader: ['read', 'comment', 'edit', 'submit', 'invite'],
  project_member: ['read', 'comment', 'edit'],
};

export function isAdmin(assignments: readonly RoleAssignment[]): boolean {
  return assignments.some((a) => a.role === 'admin');
}

/** Region-wide actions. Admins may do everything; "administer" (members, name) is for admins only. */
export function canOnRegion(assignments: readonly RoleAssignment[], regionId: string, action: RegionAction): boolean {
  if (isAdmin(assignments)) return true;
  return assignments.some((a) => a.role !== 'admin' && a.regionId === regionId && REGION_ROLE_ACTIONS[a.role].includes(action));
}

/**
 * Actions on one project. Region roles act on every project of their region; project roles only on
 * their own project. Advisers and kommune contacts never edit or decide.
 */
export function canOnProject(
  assignments: readonly RoleAssignment[],
  project: { id: string; regionId: string },
  action: ProjectAction,
): boolean {
  if (isAdmin(assignments)) return true;
  return assignments.some((a) => {
    if (a.role === 'admin' || a.regionId !== project.regionId) return false;
    if (ROLE_SCOPE[a.role] === 'project' && a.projectId !== project.id) return false;
    return PROJECT_ROLE_ACTIONS[a.role].includes(action);
  });
}

/** The regions a person may see: every region for admins, else those their roles are scoped to. */
export function visibleRegionIds(assignments: readonly RoleAssignment[]): 'all' | string[] {
  if (isAdmin(assignments)) return 'all';
  return [...new Set(assignments.map((a) => a.regionId).filter((id): id is string => id !== null))];
}

/** Checks that an assignment has the scope its role needs; returns the problem or null. */
export function roleScopeProblem(a: { role: Role; regionId?: string | null; projectId?: string | null }): string | null {
  switch (ROLE_SCOPE[a.role]) {
    case 'global':
      return a.regionId || a.projectId ? 'The admin role applies everywhere and takes no region or project.' : null;
    case 'region':
      if (!a.regionId) return `The role ${a.role} needs a region.`;
      return a.projectId ? `The role ${a.role} applies to a whole region and takes no project.` : null;
    case 'project':
      return a.projectId ? null : `The role ${a.role} needs a project.`;
  }
}

/**
 * May this person record the kommunestyre decision of `kommuneId` on the project's gate? Admins and the
 * region's secretariat (regionraad) always; a kommune contact of the region when it is region-wide
 * (no kommune) or speaks for that very kommune. Nobody else.
 */
export function mayRecordForKommune(
  assignments: readonly RoleAssignment[],
  project: { id: string; regionId: string },
  kommuneId: string,
): boolean {
  if (isAdmin(assignments)) return true;
  return assignments.some((a) => {
    if (a.regionId !== project.regionId || a.projectId) return false;
    if (a.role === 'regionraad') return true;
    return a.role === 'kommune_contact' && (!a.kommuneId || a.kommuneId === kommuneId);
  });
}

/**
 * Whether a kommune case of a gate submission still takes a kommunestyre decision (the one rule the API,
 * the gate's permissions, the inbox and the reminders share): while the gate awaits its decision on that
 * submission, and after an approval for as long as the project is active (kommunestyrer often meet after
 * the regionråd). Never after a send-back or a stop: a resubmission opens new cases.
 */
export function kommuneCaseOpen(s: {
  projectStatus: string;
  phaseState: string;
  decision: 'approved' | 'approved_with_conditions' | 'sent_back' | 'stopped' | null;
}): boolean {
  if (s.projectStatus !== 'active') return false;
  if (s.decision === null) return s.phaseState === 'awaiting_decision';
  return s.decision === 'approved' || s.decision === 'approved_with_conditions';
}

/** Checks the kommune of a role assignment: only a kommune contact may have one. Returns the problem or null. */
export function roleKommuneProblem(a: { role: Role; kommuneId?: string | null }): string | null {
  return a.kommuneId && a.role !== 'kommune_contact'
    ? `Only a kommune contact speaks for one kommune; the role ${a.role} takes none.`
    : null;
}

/**
 * May this person give this role by invitation? Admins any role; the regionråd of a region the region's
 * roles (not admin) and the roles of its projects; a project leader the roles of their own project.
 * `project` is the role's project with its region (for project roles).
 */
export function mayInviteTo(
  assignments: readonly RoleAssignment[],
  role: { role: Role; regionId: string | null },
  project: { id: string; regionId: string } | null,
): boolean {
  if (isAdmin(assignments)) return true;
  if (role.role === 'admin') return false;
  if (ROLE_SCOPE[role.role] === 'project') return project !== null && canOnProject(assignments, project, 'invite');
  return role.regionId !== null && canOnRegion(assignments, role.regionId, 'invite');
}
