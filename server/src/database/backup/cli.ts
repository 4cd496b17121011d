import 'reflect-metadata';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { isAbsolute, join, resolve } from 'node:path';
import { ConfigError, loadConfig } from '../../config/app-config';
import { backupDatabase, defaultBackupName } from './backup';
import { BackupError } from './backup-format';
import { openConfiguredDatabase } from './configured-database';
import { restoreDatabase } from './restore';

const USAGE = `Usage:
  npm run backup [-- --out FILE]      back up the app's database (default: $DATA_DIR/backups/nvr-YYYYMMDD-HHMMSS.jsonl.gz, UTC)
  npm run restore -- FILE [--force]   restore a backup into an empty database (--force: replace what it holds)
The database is the app's: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (see README.md, "Back up and restore").`;

/** `node server/dist/server/src/database/backup/cli.js backup|restore …` (the npm scripts build first). */
async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command !== 'backup' && command !== 'restore') throw new UsageError(`Unknown command ${command ?? '(none)'}.`);
  const config = loadConfig();
  Logger.overrideLogger(new ConsoleLogger({ logLevels: ['error', 'warn'] }));
  if (command === 'backup') {
    const { values, positional } = parse(rest, ['--out']);
    if (positional.length) throw new UsageError(`Unexpected ${positional[0]}: give the file with --out.`);
    const out = values['--out'] ? fromUserCwd(values['--out']) : join(config.dataDir, 'backups', defaultBackupName(new Date()));
    const db = await openConfiguredDatabase(config, 'backup');
    try {
      const result = await backupDatabase(db.url, out);
      const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
      console.log(
        `Backed up ${Object.keys(result.rows).length} tables (${rows} rows) in ${result.ms} ms: ${out} (${formatBytes(result.bytes)})`,
      );
    } finally {
      await db.close();
    }
  } else {
    const { positional, flags } = parse(rest, [], ['--force']);
    if (positional.length !== 1) throw new UsageError('Give the backup file to restore.');
    const file = fromUserCwd(positional[0]);
    const db = await openConfiguredDatabase(config, 'restore');
    try {
      const result = await restoreDatabase(db.url, file, { force: flags.has('--force'), log: (m) => console.log(m) });
      const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
      console.log(
        `Restored ${Object.keys(result.rows).length} tables (${rows} rows) from ${file}, made ${result.header.createdAt}, in ${result.ms} ms.`,
      );
    } finally {
      await db.close();
    }
  }
}

class UsageError extends Error {}

function parse(args: string[], withValue: string[], flagNames: string[] = []) {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].split(/=(.*)/s, 2);
    if (withValue.includes(name)) {
      const value = inline ?? args[++i];
      if (!value) throw new UsageError(`${name} needs a value.`);
      values[name] = value;
    } else if (flagNames.includes(args[i])) {
      flags.add(args[i]);
    } else if (args[i].startsWith('--')) {
      throw new UsageError(`Unknown option ${args[i]}.`);
    } else {
      positional.push(args[i]);
    }
  }
  return { values, flags, positional };
}

/** npm runs scripts in the repository root; a relative path means the folder the command was typed in. */
function fromUserCwd(path: string): string {
  return isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n${USAGE}`);
      process.exit(2);
    }
    if (e instanceof ConfigError) console.error(`${e.message}\nSee README.md, "Configuration".`);
    else if (e instanceof BackupError) console.error(e.message);
    else console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
