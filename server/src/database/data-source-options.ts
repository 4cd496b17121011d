import { types } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';
import { Kommune, KommunePopulation } from '../kommuner/kommune.entity';
import { Region, RegionMembership } from '../regions/region.entity';
import { AppUser, RoleAssignmentRow } from '../users/user.entity';

// Calendar dates stay 'YYYY-MM-DD' strings; turning them into JS Dates would shift them across time zones.
types.setTypeParser(types.builtins.DATE, (value) => value);

export const entities = [Kommune, KommunePopulation, Region, RegionMembership, AppUser, RoleAssignmentRow];

/** The one description of the database: used by the app, the tests and the TypeORM CLI. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    extra: { max: 10, application_name: 'naeringsvennlig-region' },
  };
}
