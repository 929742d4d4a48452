// The restore runbook exercised offline: a local SQLite database in WAL mode stands in for the
// replica, a snapshot of it for a daily copy in the backup bucket; infra/backup/restore-check.sh
// restores it into a fresh file, checks integrity and prints row counts, backup.sh files it.
// Needs the sqlite3 CLI (Debian package sqlite3; .ci/run installs it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm, readdir, readFile, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { infraDir } from '../lib/paths.mjs';

const restoreCheck = path.join(infraDir, 'backup', 'restore-check.sh');
const backup = path.join(infraDir, 'backup', 'backup.sh');
const sqlite = (db, sql) => execFileSync('sqlite3', ['-bail', db, sql], { encoding: 'utf8' }).trim();

let work;
let replica;
let snapshot;
before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'restore-check-'));
  replica = path.join(work, 'replica.db');
  sqlite(replica, `pragma journal_mode=WAL;
    create table users (sub text primary key, name text) without rowid;
    create table todos (seq integer primary key, owner text not null references users(sub), title text not null);
    insert into users values ('alice', 'Alice'), ('bob', 'Bob');
    with recursive n(i) as (select 1 union all select i + 1 from n where i < 250)
      insert into todos (owner, title) select case i % 2 when 0 then 'alice' else 'bob' end, 'todo ' || i from n;`);
  // The snapshot is taken while the replica still has un-checkpointed WAL frames, as a copy of a
  // live database would be.
  snapshot = path.join(work, 'snapshot.db');
  sqlite(replica, `.backup '${snapshot}'`);
});
after(async () => rm(work, { recursive: true, force: true }));

const run = (script, args, env = {}) =>
  spawnSync('sh', [script, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

test('restore-check restores a snapshot into a fresh file, checks integrity and prints row counts', async () => {
  const out = path.join(work, 'restored.db');
  const r = run(restoreCheck, [out, snapshot]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^integrity_check ok ${out}$`, 'm'));
  assert.match(r.stdout, /^rows todos 250$/m);
  assert.match(r.stdout, /^rows users 2$/m);
  assert.equal(sqlite(out, "select count(*) from todos where owner = 'alice'"), '125', 'the data is the replica\'s');
  assert.ok((await stat(out)).size > 0);
});

test('restore-check refuses to overwrite an existing file', () => {
  const r = run(restoreCheck, [snapshot, replica]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /exists; give a fresh file/);
});

test('restore-check fails loudly on a damaged snapshot', async () => {
  const damaged = path.join(work, 'damaged.db');
  const bytes = await readFile(snapshot);
  const pageSize = bytes.readUInt16BE(16);
  for (let i = pageSize; i < bytes.length; i += 7) bytes[i] ^= 0x5a; // every page but the header's
  await writeFile(damaged, bytes);
  const r = run(restoreCheck, [path.join(work, 'from-damaged.db'), damaged]);
  assert.notEqual(r.status, 0, 'a damaged copy is never reported as restored');
  assert.doesNotMatch(r.stdout, /integrity_check ok/);
});

test('backup.sh files the checked copy and its report under a timestamp in the backup directory', async () => {
  const dir = path.join(work, 'bucket');
  const r = run(backup, [snapshot], { BACKUP_DIR: dir });
  assert.equal(r.status, 0, r.stderr);
  const [stamp] = await readdir(dir);
  assert.match(stamp, /^\d{4}-\d\d-\d\dT\d{6}Z$/);
  assert.deepEqual((await readdir(path.join(dir, stamp))).sort(), ['report.txt', 'todo.db']);
  assert.match(await readFile(path.join(dir, stamp, 'report.txt'), 'utf8'), /^rows todos 250$/m);
  assert.equal(sqlite(path.join(dir, stamp, 'todo.db'), 'pragma integrity_check'), 'ok');
});
