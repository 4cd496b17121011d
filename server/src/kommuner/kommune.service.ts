import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  kommuneNumberCountyMismatch,
  numberValidOn,
  populationAction,
  populationDateRange,
  successorNumbers,
  type PopulationAction,
} from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError, versionConflict } from '../common/domain-error';
import { execute, queryOne, queryRows } from '../database/sql';
import {
  CreateKommuneDto,
  KommuneNumbersResponseDto,
  KommuneQueryDto,
  KommuneResponseDto,
  mapKommune,
  PopulationDto,
  PopulationFigureResponseDto,
  PopulationHistoryResponseDto,
  ResolvedKommuneNumberResponseDto,
  ResolveKommuneNumberQueryDto,
  SsbImportDto,
  SsbImportResponseDto,
  SsbTableResponseDto,
  UpdateKommuneDto,
} from './kommune.dto';
import { Kommune, KommunePopulation, type PopulationSource } from './kommune.entity';
import { kommuneNumbers, mergedNumbers, syncKommuneNumbers } from './kommune-number.queries';
import {
  kommuneNumberCatalogue,
  parseJsonStatPopulation,
  shippedPopulationTable,
  SSB_POPULATION_SNAPSHOT_FETCHED_AT,
  SSB_POPULATION_TABLE,
  type SsbPopulationTable,
} from './ssb-snapshots';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

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
  source: PopulationSource;
  ssb_count: number | null;
  ssb_table: string | null;
  ssb_fetched_at: Date | null;
}

/** A figure's count and source (importSsbPopulation). */
interface PopulationSourceRecord {
  population: number;
  source: PopulationSource;
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

/** The newest fetch from SSB recorded on the figures, with the years it brought (ssbTable). */
interface LastRefreshRecord {
  at: Date;
  years: number[];
}

/** The newest figure of a kommune (latestPopulations). */
interface LatestPopulationRecord {
  kommune_id: string;
  as_of: string;
  population: number;
}

@Injectable()
export class KommuneService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
      await syncKommuneNumbers(tx, [saved.id]);
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
      await syncKommuneNumbers(tx, [id]);
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
      `SELECT to_char(p.as_of, 'YYYY-MM-DD') AS as_of, p.population, e.at, e.actor_name,
              p.source, p.ssb_count, p.ssb_table, p.ssb_fetched_at
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
        source: f.source,
        ssbCount: f.ssb_count,
        ssbTable: f.ssb_table,
        ssbFetchedAt: f.ssb_fetched_at ? new Date(f.ssb_fetched_at).toISOString() : null,
        differsFromSsb: f.source === 'manual' && f.ssb_count !== null && f.ssb_count !== f.population,
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

  /** The kommune's numbers over time (renumberings) and the kommuner that merged into it. */
  async numbers(id: string): Promise<KommuneNumbersResponseDto> {
    const k = await this.findOrFail(this.db.manager, id);
    let rows = await kommuneNumbers(this.db.manager, id);
    if (rows.length === 0) {
      // Registered before numbers were kept (or directly in the database): fill them in now.
      await this.db.transaction((tx) => syncKommuneNumbers(tx, [id]));
      rows = await kommuneNumbers(this.db.manager, id);
    }
    return {
      kommuneId: k.id,
      numbers: rows.map((r) => ({ number: r.number, name: r.name, county: r.county, validFrom: r.valid_from, validTo: r.valid_to })),
      merged: mergedNumbers(k.number).map((c) => ({ on: c.on, number: c.oldNumber, name: c.oldName, intoNumber: c.newNumber })),
    };
  }

  /** What a number in use on a date has become, and the registered kommuner it belongs to today. */
  async resolveNumber(query: ResolveKommuneNumberQueryDto): Promise<ResolvedKommuneNumberResponseDto> {
    const catalogue = kommuneNumberCatalogue();
    const named = numberValidOn(
      catalogue.periods.filter((p) => p.number === query.number),
      query.date,
    );
    const current = successorNumbers(catalogue, query.number, query.date);
    const numbers = current.length > 0 ? current : [query.number];
    const kommuner = await this.db
      .getRepository(Kommune)
      .createQueryBuilder('k')
      .where('k.number IN (:...numbers)', { numbers })
      .orderBy('k.number', 'ASC')
      .getMany();
    const latest = await latestPopulations(
      this.db.manager,
      kommuner.map((k) => k.id),
    );
    return {
      number: query.number,
      date: query.date,
      name: named?.name ?? null,
      currentNumbers: numbers,
      kommuner: kommuner.map((k) => mapKommune(k, latest.get(k.id))),
    };
  }

  /** The years the shipped snapshot of SSB table 07459 has, whether this server may fetch from SSB, and its last fetch. */
  async ssbTable(): Promise<SsbTableResponseDto> {
    const table = shippedPopulationTable();
    const last = await queryRows<LastRefreshRecord>(
      this.db.manager,
      `SELECT ssb_fetched_at AS at, array_agg(DISTINCT extract(year FROM as_of)::int ORDER BY extract(year FROM as_of)::int) AS years
         FROM kommune_population
        WHERE ssb_table = $1 AND ssb_fetched_at IS NOT NULL AND ssb_fetched_at <> $2::timestamptz
        GROUP BY ssb_fetched_at ORDER BY ssb_fetched_at DESC LIMIT 1`,
      [SSB_POPULATION_TABLE, SSB_POPULATION_SNAPSHOT_FETCHED_AT],
    );
    return {
      table: table.table,
      years: [...new Set(table.figures.map((f) => f.year))].sort((a, b) => a - b),
      updated: table.updated,
      fetchedAt: SSB_POPULATION_SNAPSHOT_FETCHED_AT,
      refreshEnabled: this.config.ssbApiUrl !== null,
      lastRefreshAt: last[0] ? new Date(last[0].at).toISOString() : null,
      refreshedYears: last[0]?.years ?? [],
    };
  }

  /**
   * Imports SSB's population on 1 January of the chosen years onto the registered kommuner: each figure SSB
   * lists under a number valid that year goes to the kommune that number has become (merged numbers add up).
   * A figure typed by hand is kept, with SSB's beside it (flagged when they differ); a kommune that got part
   * of a split number gets no figure for that year. Idempotent.
   */
  async importSsbPopulation(dto: SsbImportDto, actor: Actor): Promise<SsbImportResponseDto> {
    return this.importTable(shippedPopulationTable(), SSB_POPULATION_SNAPSHOT_FETCHED_AT, dto, actor);
  }

  /**
   * Fetches the chosen years of table 07459 from SSB's PxWebApi v2 (JSON-stat 2) and imports them like the
   * shipped snapshot, with today as the date fetched. Off when SSB_API_URL is off.
   */
  async refreshSsbPopulation(dto: SsbImportDto, actor: Actor): Promise<SsbImportResponseDto> {
    if (!this.config.ssbApiUrl)
      throw new DomainError('SSB_REFRESH_OFF', 'Fetching from SSB is turned off on this server (SSB_API_URL=off).');
    const url =
      `${this.config.ssbApiUrl}/tables/${SSB_POPULATION_TABLE}/data?lang=no&outputFormat=json-stat2` +
      `&valueCodes[ContentsCode]=Personer1&valueCodes[Tid]=${dto.years.join(',')}&valueCodes[Region]=*`;
    let table: SsbPopulationTable;
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(20_000) });
      if (!res.ok) throw new Error(`SSB answered ${res.status}`);
      table = parseJsonStatPopulation(await res.json());
    } catch (e) {
      throw new DomainError('SSB_UNAVAILABLE', `Could not fetch table ${SSB_POPULATION_TABLE} from SSB: ${(e as Error).message}`);
    }
    // Years SSB has not published yet are left out and reported; none at all is refused below.
    const available = new Set(table.figures.map((f) => f.year));
    const years = dto.years.filter((y) => available.has(y));
    const notAvailable = dto.years.filter((y) => !available.has(y)).sort((a, b) => a - b);
    const result = await this.importTable(table, new Date().toISOString(), { years: years.length ? years : dto.years }, actor);
    return { ...result, notAvailable };
  }

  private async importTable(table: SsbPopulationTable, fetchedAt: string, dto: SsbImportDto, actor: Actor): Promise<SsbImportResponseDto> {
    const available = new Set(table.figures.map((f) => f.year));
    const missing = dto.years.filter((y) => !available.has(y));
    if (missing.length > 0) {
      throw new DomainError(
        'SSB_YEAR_NOT_AVAILABLE',
        `SSB table ${table.table} has no figures for ${missing.join(', ')}; it has ${[...available].sort().join(', ')}.`,
      );
    }
    const catalogue = kommuneNumberCatalogue();
    const years = [...dto.years].sort((a, b) => a - b);
    const result: SsbImportResponseDto = {
      table: table.table,
      fetchedAt,
      years,
      notAvailable: [],
      recorded: 0,
      corrected: 0,
      unchanged: 0,
      keptManual: 0,
      differing: 0,
      unmapped: [],
    };
    await this.db.transaction(async (tx) => {
      const kommuner = await queryRows<{ id: string; number: string }>(tx, `SELECT id, number FROM kommune ORDER BY id FOR UPDATE`);
      const byNumber = new Map(kommuner.map((k) => [k.number, k.id]));
      for (const year of years) {
        const asOf = `${year}-01-01`;
        const sums = new Map<string, number>();
        const split = new Set<string>();
        for (const f of table.figures.filter((x) => x.year === year)) {
          const found = successorNumbers(catalogue, f.number, asOf);
          const current = found.length > 0 ? found : [f.number];
          const targets = current.flatMap((n) => byNumber.get(n) ?? []);
          if (targets.length === 0) continue; // not a kommune registered here
          if (current.length > 1) {
            targets.forEach((t) => split.add(t));
            result.unmapped.push({ year, number: f.number, currentNumbers: current });
            continue;
          }
          sums.set(targets[0], (sums.get(targets[0]) ?? 0) + f.count);
        }
        for (const [kommuneId, count] of sums) {
          if (split.has(kommuneId)) continue;
          const old = await queryOne<PopulationSourceRecord>(
            tx,
            `SELECT population, source FROM kommune_population WHERE kommune_id = $1 AND as_of = $2`,
            [kommuneId, asOf],
          );
          if (old && old.source === 'manual') {
            await execute(
              tx,
              `UPDATE kommune_population SET ssb_count = $3, ssb_table = $4, ssb_fetched_at = $5 WHERE kommune_id = $1 AND as_of = $2`,
              [kommuneId, asOf, count, table.table, fetchedAt],
            );
            result.keptManual++;
            if (old.population !== count) result.differing++;
            continue;
          }
          await execute(
            tx,
            `INSERT INTO kommune_population (kommune_id, as_of, population, source, ssb_count, ssb_table, ssb_fetched_at)
             VALUES ($1, $2, $3, 'ssb', $3, $4, $5)
             ON CONFLICT (kommune_id, as_of) DO UPDATE
               SET population = EXCLUDED.population, ssb_count = EXCLUDED.ssb_count, ssb_table = EXCLUDED.ssb_table,
                   ssb_fetched_at = EXCLUDED.ssb_fetched_at`,
            [kommuneId, asOf, count, table.table, fetchedAt],
          );
          const before = old ? old.population : null;
          const action = populationAction(before, count);
          if (action) await recordPopulationEvent(tx, actor, kommuneId, action, asOf, before, count);
          if (action === 'population.recorded') result.recorded++;
          else if (action === 'population.corrected') result.corrected++;
          else result.unchanged++;
        }
      }
      await syncKommuneNumbers(
        tx,
        kommuner.map((k) => k.id),
      );
    });
    return result;
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
     ON CONFLICT (kommune_id, as_of) DO UPDATE SET population = EXCLUDED.population, source = 'manual'`,
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
