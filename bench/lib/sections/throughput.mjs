// Throughput and latency at 64 connections: a warm-up per scenario, then rounds of every scenario,
// each divided by its round's floor (health); memory after the load; the reads paced at 70 % of
// their peak.
import { log } from '../clock.mjs';
import { memory } from '../probes.mjs';
import { copyDir, throughputFixture } from '../seeding.mjs';
import { ready, startApp, stopApp } from '../service.mjs';
import { roundsSummary } from '../stats.mjs';
import { pacedRuns, wrk } from '../wrk.mjs';

export const SCENARIOS = [
  ['health', 'GET /api/v1/health (HTTP floor)', {}],
  ['list', 'GET /api/v1/todos (page 1 of 20, 10,000 to-dos)', {}],
  ['get', 'GET /api/v1/todos/{id}', { ids: true }],
  ['post', 'POST /api/v1/todos', {}],
  ['patch', 'PATCH /api/v1/todos/{id}', { ids: true }],
  ['stats', 'GET /api/v1/todos/stats', {}],
  ['mix', 'mix 80 % reads / 20 % writes, 100 users', { mix: true }],
];

function scenarioEnv(fx, extra) {
  return extra.mix ? { BENCH_IDS: fx.mixIds, BENCH_USERS: '100' } : { BENCH_IDS: fx.ids };
}

export async function throughput(run) {
  const opt = run.opt;
  const fx = await throughputFixture(run);
  const dir = copyDir(run, fx.dir, 'throughput');
  const app = await startApp(run, dir, { name: 'throughput' });
  await ready(app);
  try {
    log(`throughput: warm-up ${opt.warmup} s per scenario`);
    for (const [mode, , extra] of SCENARIOS) {
      await wrk(run, app, mode, { duration: opt.warmup, env: scenarioEnv(fx, extra), label: `warmup-${mode}` });
    }
    const rounds = [];
    for (let r = 0; r < opt.runs; r++) {
      const round = {};
      for (const [mode, , extra] of SCENARIOS) {
        round[mode] = await wrk(run, app, mode, { env: scenarioEnv(fx, extra), label: `r${r + 1}-${mode}` });
        log(`round ${r + 1} ${mode}: ${round[mode].rps.toFixed(0)} req/s, p99 ${round[mode].p99_ms.toFixed(1)} ms, errors ${round[mode].errors}, load ${round[mode].load[0]}`);
      }
      rounds.push(round);
    }
    const memAfter = memory(app);
    const scenarios = {};
    for (const [mode, title] of SCENARIOS) scenarios[mode] = { title, ...roundsSummary(rounds, mode) };
    const paced = {};
    for (const mode of ['list', 'get']) {
      paced[mode] = await pacedRuns(run, app, mode, Math.round(0.7 * scenarios[mode].rps.median), scenarioEnv(fx, {}));
    }
    return { scenarios, paced, memory_after_load: memAfter, rounds };
  } finally {
    await stopApp(app);
  }
}
