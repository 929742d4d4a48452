// A throw-away PostgreSQL cluster for one run of the bench, made like the tests' PostgresCluster
// (domain/src/test/java/dev/todo/domain/testing/PostgresCluster.java): Debian's own binaries
// (/usr/lib/postgresql/<version>/bin, the newest), never a container or a download; initdb into a
// temporary directory, pg_ctl start on a free loopback port. PostgreSQL refuses to run as root, so
// as root initdb and pg_ctl run as the postgres user (runuser). Unlike the tests' cluster it keeps
// fsync on: commits are asynchronous (synchronous_commit=off), which is what SQLite's
// synchronous=NORMAL in WAL mode gives the service (a crash of the process loses nothing, one of
// the machine may lose the last commits), so both engines make the same promise. Stopped and
// deleted by stop(), which disposeRun calls on every exit (also Ctrl-C and failures).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { log } from './clock.mjs';
import { freePort } from './http.mjs';

const ROOT_DIR = '/usr/lib/postgresql';

/** The server settings of the cluster besides the defaults (the result records them). */
export const SETTINGS = {
  listen_addresses: '127.0.0.1',
  synchronous_commit: 'off',
  max_connections: '100',
};

/** The newest /usr/lib/postgresql/<version>/bin with an initdb, or null. */
export function postgresBinaries() {
  if (!fs.existsSync(ROOT_DIR)) return null;
  const versions = fs.readdirSync(ROOT_DIR)
    .filter((v) => fs.existsSync(path.join(ROOT_DIR, v, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(ROOT_DIR, versions[0], 'bin') : null;
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a server binary (as postgres when this is root) to its end; throws with its output. */
function asServer(bin, tool, args) {
  const cmd = isRoot() ? 'runuser' : path.join(bin, tool);
  const full = isRoot() ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args;
  try {
    return execFileSync(cmd, full, { cwd: os.tmpdir(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120000 });
  } catch (e) {
    throw new Error(`${tool} ${args.join(' ')} failed: ${(e.stdout || '') + (e.stderr || '')}`.slice(0, 2000));
  }
}

/** CPU time (user + system, ms) of a process and of its children it has waited for. */
function cpuWithReaped(pid) {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 10;
}

/**
 * Starts a cluster; returns {bin, data, port, version, settings, url(db), psql(db, sql),
 * createDatabase(name, template), databaseMb(name), cpuMs(), stop()}.
 */
export async function startCluster(run) {
  const bin = postgresBinaries();
  if (!bin) throw new Error(`no PostgreSQL under ${ROOT_DIR} (apt-get install -y postgresql)`);
  // Not under run.tmp: that folder is root's alone (0700) and the server runs as postgres.
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'todo-bench-pg-'));
  if (isRoot()) execFileSync('chown', ['postgres:postgres', data]);
  const port = await freePort();
  const logFile = path.join(data, 'server.log');
  const cluster = { bin, data, port, logFile, stopped: false, settings: { ...SETTINGS } };
  run.postgres = cluster; // from here on disposeRun stops and deletes it
  cluster.stop = () => stopCluster(run, cluster);
  asServer(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const options = [`-p ${port}`, `-k ${data}`, ...Object.entries(SETTINGS).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
  asServer(bin, 'pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '60', '-o', options, 'start']);
  cluster.postmasterPid = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  cluster.url = (db) => `jdbc:postgresql://127.0.0.1:${port}/${db}?user=postgres`;
  cluster.psql = (db, sql) => execFileSync(path.join(bin, 'psql'),
    ['-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', db, '-c', sql],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600000 }).trim();
  cluster.createDatabase = (name, template = null) => cluster.psql('postgres', `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  cluster.databaseMb = (name) => Number(cluster.psql('postgres', `SELECT pg_database_size('${name}')`)) / 1048576;
  cluster.cpuMs = () => clusterCpuMs(cluster);
  cluster.version = cluster.psql('postgres', 'SHOW server_version');
  for (const k of ['shared_buffers', 'work_mem', 'fsync', 'synchronous_commit', 'full_page_writes', 'max_connections']) {
    cluster.settings[k] = cluster.psql('postgres', `SHOW ${k}`);
  }
  log(`postgres ${cluster.version} on 127.0.0.1:${port}, data ${data}`);
  return cluster;
}

/** The cluster of the run, started on first use. */
export async function clusterOf(run) {
  return run.postgres ?? startCluster(run);
}

/**
 * CPU time (ms) the cluster has used: the postmaster with its reaped children, and its children
 * alive now (the service's pooled connections are long-lived backends).
 */
export function clusterCpuMs(cluster) {
  try {
    let total = cpuWithReaped(cluster.postmasterPid);
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const f = fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ');
        if (Number(f[1]) === cluster.postmasterPid) total += (Number(f[11]) + Number(f[12])) * 10;
      } catch {
        // gone meanwhile
      }
    }
    return total;
  } catch {
    return null;
  }
}

/** Stops the cluster (synchronously: it runs from signal handlers too), keeps its log, deletes it. */
function stopCluster(run, cluster) {
  if (cluster.stopped) return;
  cluster.stopped = true;
  try {
    asServer(cluster.bin, 'pg_ctl', ['-D', cluster.data, '-m', 'fast', '-w', '-t', '30', 'stop']);
  } catch (e) {
    try {
      asServer(cluster.bin, 'pg_ctl', ['-D', cluster.data, '-m', 'immediate', 'stop']);
    } catch {
      // not running (never started, or already gone)
    }
  }
  try {
    if (fs.existsSync(cluster.logFile)) fs.copyFileSync(cluster.logFile, path.join(run.raw, 'postgres.log'));
  } catch {
    // the log is a convenience
  }
  fs.rmSync(cluster.data, { recursive: true, force: true });
}
