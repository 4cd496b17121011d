import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { dataSourceOptions } from './data-source-options';

/**
 * For the TypeORM CLI, against DATABASE_URL (required: generating against the wrong database writes a wrong
 * migration). `npm run migration:generate -- Name` builds the server and uses this file; by hand, after
 * `npm run build -w shared && npm run build -w server`:
 * `npx typeorm migration:show -d server/dist/server/src/database/cli-data-source.js`.
 */
const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error(
    'DATABASE_URL is not set: point it at the database the TypeORM CLI should read, e.g. postgres://postgres@127.0.0.1:5432/nvr_dev',
  );
}

const options: PostgresDataSourceOptions = {
  ...(dataSourceOptions(url) as PostgresDataSourceOptions),
  // Generated SQL uses gen_random_uuid() for uuid keys, as the hand-written migrations do (built into Postgres
  // 13+), and the CLI installs no extensions: the migrations create what the schema needs.
  uuidExtension: 'pgcrypto',
  installExtensions: false,
};

export default new DataSource(options);
