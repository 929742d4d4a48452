// What one invocation of bench/run shares: its options, the folder for raw output (logs, wrk
// output), a temporary folder for databases, the services it started that are still running, and
// the PostgreSQL cluster once a section has started one (postgres.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './paths.mjs';

export function createRun(options) {
  const raw = path.join(ROOT, 'bench/results/raw', new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19));
  fs.mkdirSync(raw, { recursive: true });
  return {
    opt: options,
    raw,
    tmp: fs.mkdtempSync(path.join(os.tmpdir(), 'todo-bench-')),
    running: new Set(),
    counters: { apps: 0, wrk: 0 }, // number the log and wrk files in order
    fixtures: {}, // the throughput database per engine, prepared once
    postgres: null, // the cluster (postgres.mjs), started on first use
  };
}

/** Kills what still runs, stops and deletes the PostgreSQL cluster, deletes the temporary folder. */
export function disposeRun(run) {
  for (const app of run.running) app.child.kill('SIGKILL');
  run.postgres?.stop();
  fs.rmSync(run.tmp, { recursive: true, force: true });
}
