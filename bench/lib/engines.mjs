// The databases of the sections that run on several engines (--engines): SQLite, a file in the
// application's data directory, or PostgreSQL, a database in the run's cluster (postgres.mjs).
// A database is {engine, name, dir, url, env}: dir is the application's working directory (its
// local attachments), env what startApp passes (TODO_DATABASE_URL), url what the seeder opens.
import fs from 'node:fs';
import path from 'node:path';
import { clusterOf } from './postgres.mjs';
import { ready, startApp, stopApp } from './service.mjs';

export const ENGINES = ['sqlite', 'postgres'];
export const ENGINE_TITLES = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

function sqliteDatabase(engine, name, dir) {
  const file = path.join(dir, 'todo.db');
  const url = `jdbc:sqlite:${file}`;
  return { engine, name, dir, file, url, env: { TODO_DATABASE_URL: url } };
}

async function postgresDatabase(run, name, dir, template = null) {
  const cluster = await clusterOf(run);
  const db = name.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  cluster.createDatabase(db, template);
  const url = cluster.url(db);
  return { engine: 'postgres', name, dir, db, url, env: { TODO_DATABASE_URL: url }, cluster };
}

function freshDir(run, name) {
  const dir = path.join(run.tmp, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A new, empty database of the engine (PostgreSQL: the cluster starts on first use). */
export async function newDatabase(run, engine, name) {
  const full = `${name}-${engine}`;
  const dir = freshDir(run, full);
  return engine === 'sqlite' ? sqliteDatabase(engine, full, dir) : postgresDatabase(run, full, dir);
}

/** The application on the database; for PostgreSQL it can also tell the cluster's CPU time. */
export async function startOn(run, db, { env = {}, name = db.name, ...rest } = {}) {
  const app = await startApp(run, db.dir, { ...rest, name, env: { ...db.env, ...env } });
  app.db = db;
  if (db.cluster) app.dbCpuMs = () => db.cluster.cpuMs();
  return app;
}

/** A new database the application has migrated (started once on it, then stopped). */
export async function migratedDatabase(run, engine, name) {
  const db = await newDatabase(run, engine, name);
  const app = await startOn(run, db, { name: `migrate-${db.name}` });
  await ready(app);
  await stopApp(app);
  return db;
}

/** A copy of a database no application has open, so that each start finds the same data. */
export async function copyDatabase(run, from, name) {
  const full = `${name}-${from.engine}`;
  const dir = freshDir(run, full);
  if (from.engine === 'sqlite') {
    fs.cpSync(from.dir, dir, { recursive: true });
    return sqliteDatabase(from.engine, full, dir);
  }
  return postgresDatabase(run, full, dir, from.db);
}

/** The database's size on disk in MB (SQLite: the file and its WAL). */
export function databaseMb(db) {
  if (db.engine === 'postgres') return db.cluster.databaseMb(db.db);
  const wal = fs.existsSync(`${db.file}-wal`) ? fs.statSync(`${db.file}-wal`).size : 0;
  return (fs.statSync(db.file).size + wal) / 1048576;
}
