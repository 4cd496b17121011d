import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  isCurrentMember,
  isValidPeriod,
  periodsOverlap,
  regionPopulation,
  RoleAssignment,
  todayInOslo,
  visibleRegionIds,
  compareNb,
} from '@nvr/shared';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { DomainError, versionConflict } from '../common/domain-error';
import { mapKommune, PopulationDto, PopulationFigureResponseDto, PopulationHistoryResponseDto } from '../kommuner/kommune.dto';
import { Kommune } from '../kommuner/kommune.entity';
import { Actor, KommuneService, latestPopulations } from '../kommuner/kommune.service';
import {
  AddMemberDto,
  CreateRegionDto,
  MembershipResponseDto,
  RegionResponseDto,
  RegionSummaryResponseDto,
  UpdateMembershipDto,
  UpdateRegionDto,
} from './region.dto';
import { queryRows } from '../database/sql';
import { Region, RegionMembership } from './region.entity';

/** A region with its members today (the SELECT in `list`). */
interface RegionSummaryRecord {
  id: string;
  name: string;
  council_name: string;
  member_count: number;
  /** bigint, as text. */
  total_population: string;
  counties: string[] | null;
}

@Injectable()
export class RegionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly kommuner: KommuneService,
  ) {}

  /** The regions the person's roles let them see. */
  async list(roles: readonly RoleAssignment[]): Promise<RegionSummaryResponseDto[]> {
    const today = todayInOslo();
    const visible = visibleRegionIds(roles);
    const rows = await queryRows<RegionSummaryRecord>(
      this.db,
      `SELECT r.id, r.name, r.council_name,
                count(m.id)::int AS member_count,
                coalesce(sum(p.population), 0)::bigint AS total_population,
                array_remove(array_agg(DISTINCT k.county ORDER BY k.county), NULL) AS counties
           FROM region r
           LEFT JOIN region_membership m ON m.region_id = r.id AND m.valid_from <= $1 AND (m.valid_to IS NULL OR m.valid_to >= $1)
           LEFT JOIN kommune k ON k.id = m.kommune_id
           LEFT JOIN LATERAL (
             SELECT population FROM kommune_population kp WHERE kp.kommune_id = k.id ORDER BY as_of DESC LIMIT 1
           ) p ON true
          WHERE $2::uuid[] IS NULL OR r.id = ANY($2::uuid[])
          GROUP BY r.id
          ORDER BY r.name`,
      [today, visible === 'all' ? null : visible],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      councilName: r.council_name,
      memberCount: r.member_count,
      totalPopulation: Number(r.total_population),
      counties: r.counties ?? [],
    }));
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<RegionResponseDto> {
    const region = await this.findOrFail(em, id);
    const memberships = await em.getRepository(RegionMembership).find({ where: { regionId: id }, relations: { kommune: true } });
    const latest = await latestPopulations(em, [...new Set(memberships.map((m) => m.kommuneId))]);
    const today = todayInOslo();
    const members: MembershipResponseDto[] = memberships.map((m) => ({
      id: m.id,
      kommune: mapKommune(m.kommune as Kommune, latest.get(m.kommuneId)),
      validFrom: m.validFrom,
      validTo: m.validTo,
      current: isCurrentMember({ from: m.validFrom, to: m.validTo }, today),
    }));
    members.sort(
      (a, b) =>
        Number(b.current) - Number(a.current) || compareNb(a.kommune.name, b.kommune.name) || b.validFrom.localeCompare(a.validFrom),
    );
    const population = regionPopulation(
      members.map((m) => ({ period: { from: m.validFrom, to: m.validTo }, population: m.kommune.population })),
      today,
    );
    return {
      id: region.id,
      name: region.name,
      councilName: region.councilName,
      description: region.description,
      version: region.version,
      members,
      totalPopulation: population.total,
      populationAsOf: population.asOf,
    };
  }

  async create(dto: CreateRegionDto): Promise<RegionResponseDto> {
    const id = await this.inTransaction(async (tx) => {
      await this.assertNameFree(tx, dto.name);
      const region = await tx
        .getRepository(Region)
        .save(tx.getRepository(Region).create({ name: dto.name, councilName: dto.councilName, description: dto.description ?? null }));
      for (const [i, member] of (dto.members ?? []).entries()) {
        await this.insertMembership(tx, region.id, member, `members[${i}]`);
      }
      return region.id;
    });
    return this.get(id);
  }

  async update(id: string, dto: UpdateRegionDto): Promise<RegionResponseDto> {
    await this.inTransaction(async (tx) => {
      const region = await this.findOrFail(tx, id, true);
      if (region.version !== dto.version) throw versionConflict('region', dto.version, region.version);
      if (dto.name !== undefined && dto.name.toLowerCase() !== region.name.toLowerCase()) await this.assertNameFree(tx, dto.name);
      await tx.getRepository(Region).save({
        ...region,
        name: dto.name ?? region.name,
        councilName: dto.councilName ?? region.councilName,
        description: dto.description === undefined ? region.description : dto.description || null,
      });
    });
    return this.get(id);
  }

  async addMember(regionId: string, dto: AddMemberDto): Promise<RegionResponseDto> {
    await this.inTransaction(async (tx) => {
      await this.findOrFail(tx, regionId, true);
      await this.insertMembership(tx, regionId, dto);
    });
    return this.get(regionId);
  }

  async updateMembership(regionId: string, membershipId: string, dto: UpdateMembershipDto): Promise<RegionResponseDto> {
    await this.inTransaction(async (tx) => {
      await this.findOrFail(tx, regionId, true);
      const m = await this.findMembershipOrFail(tx, regionId, membershipId);
      const period = { from: dto.validFrom ?? m.validFrom, to: dto.validTo === undefined ? m.validTo : dto.validTo };
      await this.assertPeriodFree(tx, regionId, m.kommuneId, period, membershipId);
      await tx.getRepository(RegionMembership).update({ id: membershipId }, { validFrom: period.from, validTo: period.to });
    });
    return this.get(regionId);
  }

  /** Removes a membership registered by mistake. To record that a kommune left, set validTo instead. */
  async removeMembership(regionId: string, membershipId: string): Promise<RegionResponseDto> {
    await this.inTransaction(async (tx) => {
      await this.findOrFail(tx, regionId, true);
      await this.findMembershipOrFail(tx, regionId, membershipId);
      await tx.getRepository(RegionMembership).delete({ id: membershipId });
    });
    return this.get(regionId);
  }

  /** The population history of a kommune that is or was a member of the region. */
  async populationHistory(regionId: string, kommuneId: string): Promise<PopulationHistoryResponseDto> {
    await this.assertMemberKommune(regionId, kommuneId);
    return this.kommuner.populationHistory(kommuneId);
  }

  /** Records or corrects a member kommune's population on a date; answers the figure saved. */
  async savePopulation(regionId: string, kommuneId: string, dto: PopulationDto, actor: Actor): Promise<PopulationFigureResponseDto> {
    await this.assertMemberKommune(regionId, kommuneId);
    return this.kommuner.savePopulation(kommuneId, dto, actor);
  }

  /** Deletes a member kommune's population figure of a date; answers the history after. */
  async deletePopulation(regionId: string, kommuneId: string, asOf: string, actor: Actor): Promise<PopulationHistoryResponseDto> {
    await this.assertMemberKommune(regionId, kommuneId);
    return this.kommuner.deletePopulation(kommuneId, asOf, actor);
  }

  /** Kommuner that never belonged to the region answer 404, as if they did not exist. */
  private async assertMemberKommune(regionId: string, kommuneId: string): Promise<void> {
    await this.findOrFail(this.db.manager, regionId);
    const member = await this.db.getRepository(RegionMembership).exists({ where: { regionId, kommuneId } });
    if (!member) throw new DomainError('KOMMUNE_NOT_FOUND', `The region has no member kommune with id ${kommuneId}.`);
  }

  async findOrFail(em: EntityManager, id: string, lock = false): Promise<Region> {
    const region = await em
      .getRepository(Region)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!region) throw new DomainError('REGION_NOT_FOUND', `There is no region with id ${id}.`);
    return region;
  }

  private async findMembershipOrFail(em: EntityManager, regionId: string, membershipId: string): Promise<RegionMembership> {
    const m = await em.getRepository(RegionMembership).findOne({ where: { id: membershipId, regionId } });
    if (!m) throw new DomainError('MEMBERSHIP_NOT_FOUND', `The region has no membership with id ${membershipId}.`);
    return m;
  }

  private async insertMembership(tx: EntityManager, regionId: string, dto: AddMemberDto, field = ''): Promise<void> {
    const kommune = await tx.getRepository(Kommune).findOne({ where: { id: dto.kommuneId } });
    if (!kommune) {
      throw new DomainError('KOMMUNE_NOT_FOUND', `There is no kommune with id ${dto.kommuneId}${field ? ` (${field}.kommuneId)` : ''}.`);
    }
    const period = { from: dto.validFrom, to: dto.validTo ?? null };
    await this.assertPeriodFree(tx, regionId, kommune.id, period, null, kommune.name);
    await tx.getRepository(RegionMembership).insert({ regionId, kommuneId: kommune.id, validFrom: period.from, validTo: period.to });
  }

  private async assertPeriodFree(
    tx: EntityManager,
    regionId: string,
    kommuneId: string,
    period: { from: string; to: string | null },
    exceptMembershipId: string | null,
    kommuneName?: string,
  ): Promise<void> {
    if (!isValidPeriod(period)) {
      throw new DomainError('INVALID_PERIOD', `The membership cannot end (${period.to}) before it begins (${period.from}).`);
    }
    const others = await tx.getRepository(RegionMembership).find({ where: { regionId, kommuneId }, relations: { kommune: true } });
    const clash = others.find((o) => o.id !== exceptMembershipId && periodsOverlap(period, { from: o.validFrom, to: o.validTo }));
    if (clash) {
      const name = kommuneName ?? clash.kommune?.name ?? 'The kommune';
      throw new DomainError(
        'MEMBERSHIP_OVERLAP',
        `${name} is already a member of this region from ${clash.validFrom}${clash.validTo ? ` to ${clash.validTo}` : ''}; memberships of the same kommune must not overlap.`,
      );
    }
  }

  private async assertNameFree(em: EntityManager, name: string): Promise<void> {
    const taken = await em.getRepository(Region).createQueryBuilder('r').where('lower(r.name) = lower(:name)', { name }).getExists();
    if (taken) throw new DomainError('REGION_NAME_TAKEN', `A region named "${name}" already exists. Choose another name.`);
  }

  /** Runs `work` in one transaction; a unique-name race that slipped past the check still answers 409, not 500. */
  private async inTransaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (e) {
      if (e instanceof QueryFailedError && (e.driverError as { constraint?: string })?.constraint === 'region_name_key') {
        throw new DomainError('REGION_NAME_TAKEN', 'A region with that name already exists. Choose another name.');
      }
      if (e instanceof QueryFailedError && (e.driverError as { constraint?: string })?.constraint === 'region_membership_no_overlap') {
        throw new DomainError('MEMBERSHIP_OVERLAP', 'That kommune is already a member of this region in an overlapping period.');
      }
      throw e;
    }
  }
}
