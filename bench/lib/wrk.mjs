// Load from wrk with bench/lua/todo.lua: one bounded run, parsed from its BENCHJSON line, with the
// service's CPU time per request; and paced runs at a constant rate (bench/README.md, "Constant rate").
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { log } from './clock.mjs';
import { loadAverage } from './machine.mjs';
import { LUA } from './paths.mjs';
import { cpuMs } from './probes.mjs';
import { summary, total } from './stats.mjs';

/** One wrk run of a BENCH_MODE against the app; its output is kept in the run's raw folder. */
export function wrk(run, app, mode, { duration = run.opt.duration, connections = run.opt.connections, threads = run.opt.threads, env = {}, label = mode } = {}) {
  return new Promise((resolve, reject) => {
    const wrkThreads = Math.min(threads, connections);
    const args = ['-t', String(wrkThreads), '-c', String(connections), '-d', `${duration}s`,
      '--timeout', '10s', '-s', LUA, `http://127.0.0.1:${app.port}`];
    const before = loadAverage();
    const cpu0 = cpuMs(app.pid);
    const db0 = app.dbCpuMs?.() ?? null; // PostgreSQL's processes, when the app runs on it
    const child = spawn('wrk', args, {
      env: { ...process.env, BENCH_MODE: mode, BENCH_THREADS: String(wrkThreads), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      fs.writeFileSync(path.join(run.raw, `wrk-${String(++run.counters.wrk).padStart(3, '0')}-${label}.txt`), out);
      const line = out.split('\n').find((l) => l.startsWith('BENCHJSON '));
      if (code !== 0 || !line) return reject(new Error(`wrk ${label} failed (${code}): ${out.slice(-500)}`));
      const r = JSON.parse(line.slice('BENCHJSON '.length));
      const e = r.errors;
      const cpu1 = cpuMs(app.pid);
      const db1 = app.dbCpuMs?.() ?? null;
      resolve({
        cpu_ms_per_req: cpu0 != null && cpu1 != null && r.requests ? (cpu1 - cpu0) / r.requests : null,
        db_cpu_ms_per_req: db0 != null && db1 != null && r.requests ? (db1 - db0) / r.requests : null,
        rps: r.requests / (r.duration_us / 1e6),
        requests: r.requests,
        p50_ms: r.latency_us.p50 / 1000,
        p90_ms: r.latency_us.p90 / 1000,
        p99_ms: r.latency_us.p99 / 1000,
        max_ms: r.latency_us.max / 1000,
        errors: e.connect + e.read + e.write + e.status + e.timeout,
        non2xx: e.status,
        socket_errors: e.connect + e.read + e.write + e.timeout,
        statuses: r.statuses, // with BENCH_COUNT_STATUSES=1
        load: before,
      });
    });
    child.on('error', reject);
  });
}

/**
 * Warm-up until the JIT has settled: C2 compiles for about a minute of load on two cores
 * (docs/decisions.md, "Startup profiled"), so a fixed few seconds left the first rounds measuring
 * it. A run's throughput within 10 % of the run before it counts as settled.
 */
export const WARM_UP_RUNS_AT_MOST = 12;

export function settled(previousRps, rps) {
  return previousRps != null && Math.abs(rps - previousRps) <= 0.1 * previousRps;
}

/** Warm-up runs of mode (opt.warmup seconds each) until settled; the req/s of each. */
export async function warmUp(run, app, mode, { env = {}, label = mode } = {}) {
  const seen = [];
  for (let w = 0; w < WARM_UP_RUNS_AT_MOST && !settled(seen.at(-2), seen.at(-1) ?? NaN); w++) {
    const x = await wrk(run, app, mode, { duration: run.opt.warmup, env, label: `warm${w + 1}-${label}` });
    seen.push(x.rps);
  }
  return seen;
}

/**
 * N runs of mode paced to rate requests per second (BENCH_RATE). They start after one uncounted
 * paced run, so that they measure the steady state rather than the recovery from whatever ran just
 * before (saturating runs, a full GC).
 */
export async function pacedRuns(run, app, mode, rate, env) {
  const pacedEnv = { ...env, BENCH_RATE: String(rate) };
  await wrk(run, app, mode, { duration: run.opt.warmup, env: pacedEnv, label: `paced-warm-${mode}` });
  const xs = [];
  for (let r = 0; r < run.opt.runs; r++) {
    xs.push(await wrk(run, app, mode, { env: pacedEnv, label: `paced-r${r + 1}-${mode}` }));
    log(`paced ${mode} at ${rate} req/s: achieved ${xs.at(-1).rps.toFixed(0)}, p99 ${xs.at(-1).p99_ms.toFixed(1)} ms`);
  }
  return {
    target_rps: rate,
    achieved_rps: summary(xs.map((x) => x.rps)),
    p50_ms: summary(xs.map((x) => x.p50_ms)),
    p99_ms: summary(xs.map((x) => x.p99_ms)),
    errors: total(xs, 'errors'),
  };
}
