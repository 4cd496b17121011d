// Migrations (see README "Migrations"):
//
//   npm run migration:create -- Name     writes migrations/<timestamp>-Name.ts with an empty up() and down()
//                                        for hand-written SQL, and lists it last in migrations/index.ts.
//   npm run migration:generate -- Name   builds shared and server, has TypeORM compare the entities with the
//                                        database at DATABASE_URL (typeorm migration:generate), and writes the
//                                        SQL that makes the database match the entities in the same way.
//
// The timestamp is Date.now(), but always later than the newest migration, so the list stays in order.
// Name is PascalCase (AddProjectBudgetNote); the class is Name<timestamp>, as TypeORM names it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const migrationsDir = join(root, 'migrations');
const indexFile = join(migrationsDir, 'index.ts');
const cliDataSource = join(root, 'server/dist/server/src/database/cli-data-source.js');
const bin = (name) => join(root, 'node_modules/.bin', name);
const out = (line = '') => process.stdout.write(`${line}\n`);
const fail = (message) => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

const args = process.argv.slice(2);
const generate = args.includes('--generate');
const names = args.filter((a) => !a.startsWith('--'));
const command = generate ? 'migration:generate' : 'migration:create';
if (names.length !== 1 || !/^[A-Z][A-Za-z0-9]*$/.test(names[0])) {
  fail(`Usage: npm run ${command} -- Name   (one PascalCase name, e.g. AddProjectBudgetNote)`);
}
const name = names[0];

/** Existing migrations as { timestamp, name }, from the file names. */
function existingMigrations() {
  return readdirSync(migrationsDir)
    .map((f) => /^(\d+)-(.+)\.ts$/.exec(f))
    .filter(Boolean)
    .map(([, timestamp, n]) => ({ timestamp: Number(timestamp), name: n }));
}

function nextTimestamp() {
  const existing = existingMigrations();
  if (existing.some((m) => m.name === name)) fail(`A migration named ${name} exists already: choose another name.`);
  const latest = Math.max(0, ...existing.map((m) => m.timestamp));
  return Math.max(Date.now(), latest + 1);
}

/** Lists the migration last in migrations/index.ts: one import, one entry at the end of the array. */
function register(className, fileBase) {
  const source = readFileSync(indexFile, 'utf8');
  const lines = source.split('\n');
  const lastImport = lines.reduce((at, line, i) => (/^import .* from '\.\/\d+-[^']+';$/.test(line) ? i : at), -1);
  const arrayEnd = source.indexOf('\n];', source.indexOf('export const migrations = ['));
  if (lastImport < 0 || arrayEnd < 0) fail(`${relative(root, indexFile)} has an unexpected shape: list ${className} in it by hand.`);
  const withImport = [
    ...lines.slice(0, lastImport + 1),
    `import { ${className} } from './${fileBase}';`,
    ...lines.slice(lastImport + 1),
  ].join('\n');
  const end = withImport.indexOf('\n];', withImport.indexOf('export const migrations = ['));
  writeFileSync(indexFile, `${withImport.slice(0, end)}\n  ${className},${withImport.slice(end)}`);
}

function prettier(file) {
  const r = spawnSync(bin('prettier'), ['--write', '--log-level', 'warn', file], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) out(`prettier could not format ${relative(root, file)}; format it before committing.`);
}

function template(className, doc, up, down) {
  const body = (sqls, todo) =>
    sqls.length ? sqls.map((s) => `    ${s}`).join('\n') : `    await q.query(\`\n      -- TODO: ${todo}\n    \`);`;
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

/** ${doc} */
export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(q: QueryRunner): Promise<void> {
${body(up, 'the SQL that makes the change')}
  }

  async down(q: QueryRunner): Promise<void> {
${body(down, 'the SQL that undoes it, in reverse order')}
  }
}
`;
}

function finish(className, fileBase) {
  register(className, fileBase);
  out(`Created migrations/${fileBase}.ts (class ${className}) and listed it last in migrations/index.ts.`);
}

if (!generate) {
  const timestamp = nextTimestamp();
  const className = `${name}${timestamp}`;
  const fileBase = `${timestamp}-${name}`;
  const doc = 'TODO: what this migration changes, and why. A landed migration is never edited: add a new one.';
  writeFileSync(join(migrationsDir, `${fileBase}.ts`), template(className, doc, [], []));
  finish(className, fileBase);
  process.exit(0);
}

// ---- migration:generate ----------------------------------------------------------------------

if (!process.env.DATABASE_URL) {
  fail(
    'migration:generate compares the entities with a database: set DATABASE_URL to one with every migration run, e.g.\n' +
      '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/nvr_dev npm run migration:generate -- Name',
  );
}

out('Building shared and server…');
const build = spawnSync('npm run build -w shared && npm run build -w server', { cwd: root, shell: true, stdio: 'inherit' });
if (!existsSync(cliDataSource)) fail('server/dist has no cli-data-source.js: the build failed (see above).');
if (build.status !== 0) out('The build reported type errors (see above); generating from what it emitted.');

// Generating against a database that lacks migrations would repeat them: refuse, and say how to run them.
const require = createRequire(import.meta.url);
const dataSource = require(cliDataSource).default;
await dataSource.initialize().catch((e) => fail(`Cannot connect to DATABASE_URL: ${e.message}`));
let pending;
try {
  const executed = new Set(
    (await dataSource.query(`SELECT name FROM ${dataSource.options.migrationsTableName ?? 'migrations'}`)).map((r) => r.name),
  );
  pending = dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((n) => !executed.has(n));
} catch {
  pending = dataSource.migrations.map((m) => m.name ?? m.constructor.name);
} finally {
  await dataSource.destroy();
}
if (pending.length > 0) {
  fail(
    `The database at DATABASE_URL has not run ${pending.length} migration(s): ${pending.join(', ')}.\n` +
      'Run them first (npm run migration:run -w server, or start the server), then generate again.',
  );
}

const timestamp = nextTimestamp();
const r = spawnSync(
  bin('typeorm'),
  ['migration:generate', '-d', cliDataSource, join(migrationsDir, name), '-t', String(timestamp), '--pretty'],
  { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } },
);
const said = `${r.stdout ?? ''}${r.stderr ?? ''}`;
if (/No changes in database schema were found/.test(said)) {
  out('No changes in database schema were found: the entities and the database at DATABASE_URL agree. Nothing generated.');
  process.exit(0);
}
const fileBase = `${timestamp}-${name}`;
const file = join(migrationsDir, `${fileBase}.ts`);
if (r.status !== 0 || !existsSync(file)) {
  process.stderr.write(said);
  fail('typeorm migration:generate failed (see above).');
}

// TypeORM writes its own template; keep its SQL and put it in the house style of the other migrations.
const generated = readFileSync(file, 'utf8');
const className = `${name}${timestamp}`;
const section = (method) => {
  const m = new RegExp(`public async ${method}\\(queryRunner: QueryRunner\\): Promise<void> \\{\\n([\\s\\S]*?)\\n    \\}\\n`).exec(
    generated,
  );
  if (!m) {
    rmSync(file);
    fail(`Could not read the ${method}() TypeORM generated; run typeorm migration:generate --dryrun to see it.`);
  }
  // One statement per query; its SQL lines re-indented to sit under `await q.query(` like the hand-written ones.
  return m[1]
    .split(/\n(?= {8}await queryRunner\.query\()/)
    .map((s) =>
      s
        .trim()
        .replace(/^await queryRunner\.query\(/, 'await q.query(')
        .replace(/\n {12}/g, '\n      ')
        .replace(/\n {8}`/g, '\n    `'),
    )
    .filter(Boolean);
};
const doc = 'Generated from the entities by npm run migration:generate. TODO: say what it changes and why; review the SQL.';
writeFileSync(file, template(className, doc, section('up'), section('down')));
prettier(file);
finish(className, fileBase);
out('Review the SQL, then run it (npm run migration:run -w server) and the schema test:');
out('  npx jest server/test/schema.e2e-spec.ts --selectProjects server');
