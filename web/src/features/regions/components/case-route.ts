import { type CaseRoute, GATE_PHASES, type GatePhase, type RegionBody } from '../api/get-case-route';

/** The region's bodies in the order a case passes them. */
export function orderedBodies(route: CaseRoute): RegionBody[] {
  return [...route.bodies].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, 'nb'));
}

export interface GateDecider {
  phase: GatePhase;
  body: RegionBody;
  /** The owner decides it (not delegated). */
  owner: boolean;
}

/**
 * Who decides each gate, as shared `caseRoute` picks it: the body named for that gate, else the
 * owner, else the last body. Empty when the region has no bodies (its regionråd decides).
 */
export function gateDeciders(route: CaseRoute): GateDecider[] {
  const bodies = orderedBodies(route);
  if (bodies.length === 0) return [];
  const owner = bodies.find((b) => b.isOwner) ?? null;
  return GATE_PHASES.map((phase) => {
    const named = bodies.find((b) => b.id === route.deciders[phase]);
    const body = named ?? owner ?? bodies[bodies.length - 1];
    return { phase, body, owner: body.isOwner };
  });
}
