import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type Database from 'libsql';

export type InsightsDb = InstanceType<typeof Database>;

/**
 * libsql, loaded on first use: its native binary is a platform package (an optional
 * dependency); when it is missing the insights are unavailable, and the service still starts.
 */
let LoadedDatabase: typeof Database | null = null;
function loadDatabase(): typeof Database {
  if (LoadedDatabase) return LoadedDatabase;
  // libsql's loader asks for a whole diagnostic report (process.report.getReport()) to tell
  // glibc from musl. The report describes every open socket, and the first insights write
  // comes while searches are in flight: under 32 connections that blocked the event loop for
  // 5 s (bench profile). Sockets say nothing about the libc, so leave them out.
  const report = process.report as typeof process.report & { excludeNetwork?: boolean };
  const excludeNetwork = report.excludeNetwork;
  report.excludeNetwork = true;
  try {
    LoadedDatabase = createRequire(import.meta.url)('libsql') as typeof Database;
  } finally {
    report.excludeNetwork = excludeNetwork;
  }
  return LoadedDatabase;
}

/** Bump with a new entry in MIGRATIONS when the schema changes; `user_version` records it. */
const MIGRATIONS: string[] = [
  `CREATE TABLE searches (
     id INTEGER PRIMARY KEY,
     ts INTEGER NOT NULL,
     query TEXT NOT NULL,
     filters TEXT,
     hits INTEGER NOT NULL,
     strong INTEGER,
     project TEXT,
     latency_ms REAL NOT NULL,
     client TEXT NOT NULL,
     origin TEXT
   );
   -- each report list reads one covering index, never the table: the totals and weeks, the
   -- per-query lists (top, gaps, zero hits), per project, per origin
   CREATE INDEX searches_ts ON searches (ts, hits, strong);
   CREATE INDEX searches_query ON searches (query, ts, hits, strong);
   CREATE INDEX searches_project ON searches (project, ts, hits, strong);
   CREATE INDEX searches_client ON searches (client, origin, ts);
   CREATE TABLE feedback (
     key TEXT PRIMARY KEY,
     ts INTEGER NOT NULL,
     record_id TEXT NOT NULL,
     helpful INTEGER NOT NULL,
     query TEXT NOT NULL,
     client TEXT NOT NULL
   );
   CREATE INDEX feedback_ts ON feedback (ts);
   CREATE TABLE clicks (
     key TEXT PRIMARY KEY,
     ts INTEGER NOT NULL,
     record_id TEXT NOT NULL,
     position INTEGER NOT NULL,
     query TEXT NOT NULL,
     client TEXT NOT NULL
   );
   CREATE INDEX clicks_ts ON clicks (ts);`,
];

function getUserVersion(db: InsightsDb): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version?: unknown } | undefined;
  return typeof row?.user_version === 'number' ? row.user_version : 0;
}

/**
 * `mkdir -p` one level at a time. Node's recursive mkdir loops forever where mkdir answers
 * ENOENT although the parent exists (`/proc`, and a symlink into it such as `/dev/fd`): that
 * blocked the event loop at the first insights write. Here such a folder fails at once.
 */
function makeFolderSync(folder: string): void {
  const missing: string[] = [];
  for (let dir = folder; !existsSync(dir) && path.dirname(dir) !== dir; dir = path.dirname(dir)) missing.unshift(dir);
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * Open (creating it and its folder when missing) the insights database and bring its schema
 * up to date. WAL journal: the admin's reads do not block the batched writes.
 *
 * @throws whatever SQLite throws when the file cannot be opened or written (read-only file or
 *   folder, not a database); callers treat that as "insights unavailable".
 */
export function openInsightsDb(file: string): InsightsDb {
  makeFolderSync(path.dirname(file));
  const db = new (loadDatabase())(file, { timeout: 1000 });
  try {
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    const version = getUserVersion(db);
    for (let v = version; v < MIGRATIONS.length; v++) {
      db.transaction(() => {
        db.exec(MIGRATIONS[v]!);
        db.exec(`PRAGMA user_version = ${v + 1}`);
      })();
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Open an existing insights database to read it (the report's worker thread): no schema changes. */
export function openInsightsDbForReading(file: string): InsightsDb {
  if (!existsSync(file)) throw new Error(`openInsightsDbForReading: ${file} does not exist`);
  return new (loadDatabase())(file, { timeout: 1000 });
}
