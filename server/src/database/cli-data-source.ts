import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * For the TypeORM CLI (migration:generate/show), against DATABASE_URL, e.g.
 * `npx typeorm migration:generate -d server/dist/server/src/database/cli-data-source.js migrations/Name`.
 */
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'));
