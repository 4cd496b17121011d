import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { kommuneNumberCountyMismatch } from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, versionConflict } from '../common/domain-error';
import { CreateKommuneDto, KommuneQueryDto, KommuneResponseDto, mapKommune, PopulationDto, UpdateKommuneDto } from './kommune.dto';
import { Kommune, KommunePopulation } from './kommune.entity';

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

  async create(dto: CreateKommuneDto): Promise<KommuneResponseDto> {
    assertNumberFitsCounty(dto.number, dto.county);
    const id = await this.db.transaction(async (tx) => {
      if (await tx.getRepository(Kommune).exists({ where: { number: dto.number } })) {
        throw new DomainError('KOMMUNE_NUMBER_TAKEN', `A kommune with number ${dto.number} already exists.`);
      }
      const saved = await tx
        .getRepository(Kommune)
        .save(tx.getRepository(Kommune).create({ number: dto.number, name: dto.name, county: dto.county }));
      if (dto.population) await upsertPopulation(tx, saved.id, dto.population);
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

  /** Records (or corrects) the population on a date. */
  async recordPopulation(id: string, dto: PopulationDto): Promise<KommuneResponseDto> {
    await this.db.transaction(async (tx) => {
      await this.findOrFail(tx, id, true);
      await upsertPopulation(tx, id, dto);
    });
    return this.get(id);
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

async function upsertPopulation(em: EntityManager, kommuneId: string, dto: PopulationDto): Promise<void> {
  await em.query(
    `INSERT INTO kommune_population (kommune_id, as_of, population) VALUES ($1, $2, $3)
     ON CONFLICT (kommune_id, as_of) DO UPDATE SET population = EXCLUDED.population`,
    [kommuneId, dto.asOf, dto.count],
  );
}

/** The newest population figure of each kommune, in one query. */
export async function latestPopulations(em: EntityManager, kommuneIds: string[]): Promise<Map<string, KommunePopulation>> {
  if (kommuneIds.length === 0) return new Map();
  const rows: { kommune_id: string; as_of: string; population: number }[] = await em.query(
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
