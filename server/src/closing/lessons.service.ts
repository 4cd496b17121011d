import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { factorSummaries, isAdmin, type RoleAssignment } from '@nvr/shared';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import type { LessonsOverviewDto, LessonsQueryDto } from './closing.dto';
import { findClosedProjects, findFollowedRegions, findLessonHits, findScores } from './closing.queries';

/** At most this many lessons in one answer; `total` says how many matched. */
const LESSON_LIMIT = 200;

/**
 * Learning across regions: advisers (for the regions they follow) and admins (every region) read the
 * success-factor scores and the lessons of the projects that have ended, filtered by region, phase and
 * category, and search the lessons by their words.
 */
@Injectable()
export class LessonsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async overview(roles: readonly RoleAssignment[], query: LessonsQueryDto): Promise<LessonsOverviewDto> {
    const admin = isAdmin(roles);
    const followed = [...new Set(roles.filter((r) => r.role === 'adviser' && r.regionId).map((r) => r.regionId as string))];
    if (!admin && followed.length === 0) {
      throw new DomainError('FORBIDDEN', 'Lessons across regions are for Innovasjon Norge’s advisers and for administrators.');
    }
    const scope = admin ? null : followed;
    const em = this.db.manager;
    const regions = await findFollowedRegions(em, scope);
    // A region one does not follow is not there to filter on: the same 404 as reading it.
    if (query.regionId && !regions.some((r) => r.id === query.regionId)) {
      throw new DomainError('REGION_NOT_FOUND', `There is no region with id ${query.regionId}.`);
    }
    const projects = await findClosedProjects(em, scope, query.regionId ?? null);
    const ids = projects.map((p) => p.id);
    const scores = ids.length ? await findScores(em, ids) : [];
    const q = query.q?.trim() || null;
    const hits = ids.length
      ? await findLessonHits(em, ids, { phase: query.phase ?? null, category: query.category ?? null, q, limit: LESSON_LIMIT })
      : [];
    return {
      regions: regions.map((r) => ({ id: r.id, name: r.name })),
      projects: projects.map((p) => ({
        id: p.id,
        name: p.name,
        regionId: p.region_id,
        regionName: p.region_name,
        status: p.status,
        lastPhase: p.last_phase,
        endedOn: p.ended_on,
        outcome: p.outcome,
        successorOrganisation: p.successor_organisation,
      })),
      factors: factorSummaries(scores),
      lessons: hits.map((h) => ({
        id: h.id,
        projectId: h.project_id,
        projectName: h.project_name,
        regionId: h.region_id,
        regionName: h.region_name,
        phaseKey: h.phase_key,
        category: h.category,
        text: h.text,
        createdByName: h.created_by_name,
        createdAt: h.created_at.toISOString(),
      })),
      total: hits[0]?.total ?? 0,
    };
  }
}
