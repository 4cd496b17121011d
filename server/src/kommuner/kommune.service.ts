import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { kommuneNumberCountyMismatch, populationAction, populationDateRange, type PopulationAction } from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError, versionConflict } from '../common/domain-error';
import { execute, queryOne, queryRows } from '../database/sql';
import {
  CreateKommuneDto,
  KommuneQueryDto,
  KommuneResponseDto,
  mapKommune,
  PopulationDto,
  PopulationFigureResponseDto,
  PopulationHistoryResponseDto,
  UpdateKommuneDto,
} from './kommune.dto';
import { Kommune, KommunePopulation } from './kommune.entity';

/** A population figure's count (kommune_population). */
interface PopulationRecord {
  population: number;
}

/** A figure of the kommune with who recorded it, when known (populationHistory). */
interface PopulationFigureRecord {
  as_of: string;
  population: number;
  at: Date | null;
  actor_name: string | null;
}

/** A change of a figure (kommune_population_event, populationHistory). */
interface PopulationEventRecord {
  id: number;
  at: Date;
  actor_name: string;
  action: PopulationAction;
  as_of: string;
  before: number | null;
  after: number | null;
}

/** The newest figure of a kommune (latestPopulations). */
interface LatestPopulationRecord {
  kommune_id: string;
  as_of: string;
  population: number;
}

@Injectable()
export class KommuneService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(query: KommuneQueryDto): Promise<KommuneResponseDto[]> {
    const qb = this.db.getRepository(Kommune).createQueryBuilder('k').orderBy('k.name', 'ASC');
    if (query.search) {
      qb.andWhere('(k.name ILIKE :s OR k.number LIKE :s)', { s: `%${escapeLike(query.search)}%` });
    }
    if (query.county) qb.andWhere('k.county = :county', { county: query.county });
    const kommuner = await qb.getMany();
    const latest = await latestPopulations(
      this.db.manager,
      kommuner.map((k) => k.id),
    );
    return kommuner.map((k) => mapKommune(k, latest.get(k.id)));
  }

  async get(id: string): Promise<KommuneResponseDto> {
    const k = await this.findOrFail(this.db.manager, id);
    return mapKommune(k, (await latestPopulations(this.db.manager, [id])).get(id));
  }

  async create(dto: CreateKommuneDto, actor: Actor): Promise<KommuneResponseDto> {
    assertNumberFitsCounty(dto.number, dto.county);
    const id = await this.db.transaction(async (tx) => {
      if (await tx.getRepository(Kommune).exists({ where: { number: dto.number } })) {
        throw new DomainError('KOMMUNE_NUMBER_TAKEN', `A kommune with number ${dto.number} already exists.`);
      }
      const saved = await tx
        .getRepository(Kommune)
        .save(tx.getRepository(Kommune).create({ number: dto.number, name: dto.name, county: dto.county }));
      if (dto.population) await savePopulationFigure(tx, saved.id, dto.population, actor);
      return saved.id;
    });
    return this.get(id);
  }

  async update(id: string, dto: UpdateKommuneDto): Promise<KommuneResponseDto> {
    await this.db.transaction(async (tx) => {
      const k = await this.findOrFail(tx, id, true);
      if (k.version !== dto.version) throw versionConflict('kommune', dto.version, k.version);
      const county = dto.county ?? k.county;
      assertNumberFitsCounty(k.number, county);
      await tx.getRepository(Kommune).save({ ...k, name: dto.name ?? k.name, county });
    });
    return this.get(id);
  }

  /** Records (or corrects) the population on a date; answers the kommune with its newest figure. */
  async recordPopulation(id: string, dto: PopulationDto, actor: Actor): Promise<KommuneResponseDto> {
    await this.savePopulation(id, dto, actor);
    return this.get(id);
  }

  /** Records (or corrects) the population on a date and answers the figure saved. */
  async savePopulation(id: string, dto: PopulationDto, actor: Actor): Promise<PopulationFigureResponseDto> {
    await this.db.transaction(async (tx) => {
      await this.findOrFail(tx, id, true);
      await savePopulationFigure(tx, id, dto, actor);
    });
    const figure = (await this.populationHistory(id)).figures.find((f) => f.asOf === dto.asOf);
    if (!figure) throw new Error(`The figure of ${dto.asOf} was saved but cannot be read back`);
    return figure;
  }

  /** Deletes the figure of one date (e.g. one recorded with a wrong date); answers the history after. */
  async deletePopulation(id: string, asOf: string, actor: Actor): Promise<PopulationHistoryResponseDto> {
    await this.db.transaction(async (tx) => {
      const k = await this.findOrFail(tx, id, true);
      const row = await queryOne<PopulationRecord>(tx, `SELECT population FROM kommune_population WHERE kommune_id = $1 AND as_of = $2`, [
        id,
        asOf,
      ]);
      if (!row) throw new DomainError('POPULATION_NOT_FOUND', `${k.name} has no population figure on ${asOf}.`);
      await execute(tx, `DELETE FROM kommune_population WHERE kommune_id = $1 AND as_of = $2`, [id, asOf]);
      await recordPopulationEvent(tx, actor, id, 'population.deleted', asOf, row.population, null);
    });
    return this.populationHistory(id);
  }

  /** Every figure of the kommune (newest date first, with who recorded it when known) and every change, newest first. */
  async populationHistory(id: string, em: EntityManager = this.db.manager): Promise<PopulationHistoryResponseDto> {
    const k = await this.findOrFail(em, id);
    const figures = await queryRows<PopulationFigureRecord>(
      em,
      `SELECT to_char(p.as_of, 'YYYY-MM-DD') AS as_of, p.population, e.at, e.actor_name
         FROM kommune_population p
         LEFT JOIN LATERAL (
           SELECT at, actor_name FROM kommune_population_event ev
            WHERE ev.kommune_id = p.kommune_id AND ev.as_of = p.as_of AND ev.action <> 'population.deleted'
            ORDER BY ev.id DESC LIMIT 1
         ) e ON true
        WHERE p.kommune_id = $1
        ORDER BY p.as_of DESC`,
      [id],
    );
    const events = await queryRows<PopulationEventRecord>(
      em,
      `SELECT id::int, at, actor_name, action, to_char(as_of, 'YYYY-MM-DD') AS as_of, before, after
         FROM kommune_population_event WHERE kommune_id = $1 ORDER BY id DESC LIMIT 500`,
      [id],
    );
    const range = populationDateRange();
    return {
      kommuneId: k.id,
      kommuneName: k.name,
      figures: figures.map((f) => ({
        asOf: f.as_of,
        count: f.population,
        recordedAt: f.at ? new Date(f.at).toISOString() : null,
        recordedBy: f.actor_name,
      })),
      events: events.map((e) => ({
        id: e.id,
        at: new Date(e.at).toISOString(),
        actorName: e.actor_name,
        action: e.action,
        asOf: e.as_of,
        before: e.before,
        after: e.after,
      })),
      earliestAsOf: range.from,
      latestAsOf: range.to,
    };
  }

  async findOrFail(em: EntityManager, id: string, lock = false): Promise<Kommune> {
    const k = await em.getRepository(Kommune).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!k) throw new DomainError('KOMMUNE_NOT_FOUND', `There is no kommune with id ${id}.`);
    return k;
  }
}

function assertNumberFitsCounty(number: string, county: string): void {
  const mismatch = kommuneNumberCountyMismatch(number, county);
  if (mismatch) throw new DomainError('KOMMUNE_COUNTY_MISMATCH', mismatch);
}

/** Who changes a population figure (recorded in the population history). */
export type Actor = Pick<Principal, 'userId' | 'name'>;

/** Inserts or corrects the figure of a date and records the change; call with the kommune row locked. */
async function savePopulationFigure(tx: EntityManager, kommuneId: string, dto: PopulationDto, actor: Actor): Promise<void> {
  const old = await queryOne<PopulationRecord>(tx, `SELECT population FROM kommune_population WHERE kommune_id = $1 AND as_of = $2`, [
    kommuneId,
    dto.asOf,
  ]);
  await execute(
    tx,
    `INSERT INTO kommune_population (kommune_id, as_of, population) VALUES ($1, $2, $3)
     ON CONFLICT (kommune_id, as_of) DO UPDATE SET population = EXCLUDED.population`,
    [kommuneId, dto.asOf, dto.count],
  );
  const before = old ? old.population : null;
  const action = populationAction(before, dto.count);
  if (action) await recordPopulationEvent(tx, actor, kommuneId, action, dto.asOf, before, dto.count);
}

async function recordPopulationEvent(
  tx: EntityManager,
  actor: Actor,
  kommuneId: string,
  action: PopulationAction,
  asOf: string,
  before: number | null,
  after: number | null,
): Promise<void> {
  await execute(
    tx,
    `INSERT INTO kommune_population_event (kommune_id, actor_id, actor_name, action, as_of, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [kommuneId, actor.userId, actor.name, action, asOf, before, after],
  );
}

/** The newest population figure of each kommune, in one query. */
export async function latestPopulations(em: EntityManager, kommuneIds: string[]): Promise<Map<string, KommunePopulation>> {
  if (kommuneIds.length === 0) return new Map();
  const rows = await queryRows<LatestPopulationRecord>(
    em,
    `SELECT DISTINCT ON (kommune_id) kommune_id, to_char(as_of, 'YYYY-MM-DD') AS as_of, population
       FROM kommune_population WHERE kommune_id = ANY($1::uuid[])
      ORDER BY kommune_id, as_of DESC`,
    [kommuneIds],
  );
  return new Map(rows.map((r) => [r.kommune_id, { kommuneId: r.kommune_id, asOf: r.as_of, population: r.population }]));
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
