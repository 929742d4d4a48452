// Throughput and latency at 64 connections: a warm-up per scenario, then rounds of every scenario,
// each divided by its round's floor (health); memory after the load; the reads paced at 70 % of
// their peak. With several engines (--engines) one application per engine, all started before the
// first run, and the rounds alternate between them (round 1 SQLite then PostgreSQL, round 2 the
// other way round, …), so that a busier minute of the shared machine falls on both; each engine's
// throughput is also divided by the first engine's in the same round.
import { log } from '../clock.mjs';
import { startOn } from '../engines.mjs';
import { memory } from '../probes.mjs';
import { fixtureCopy, throughputFixture, verifyCounts } from '../seeding.mjs';
import { ready, stopApp } from '../service.mjs';
import { roundsSummary, summary } from '../stats.mjs';
import { pacedRuns, warmUp, wrk } from '../wrk.mjs';

export const SCENARIOS = [
  ['health', 'GET /api/v1/health (HTTP floor)', {}],
  ['list', 'GET /api/v1/todos (page 1 of 20, 10,000 to-dos)', {}],
  ['get', 'GET /api/v1/todos/{id}', { ids: true }],
  ['post', 'POST /api/v1/todos', {}],
  ['patch', 'PATCH /api/v1/todos/{id}', { ids: true }],
  ['stats', 'GET /api/v1/todos/stats', {}],
  ['mix', 'mix 80 % reads / 20 % writes, 100 users', { mix: true }],
];

export function scenarioEnv(fx, extra) {
  return extra.mix ? { BENCH_IDS: fx.mixIds, BENCH_USERS: '100' } : { BENCH_IDS: fx.ids };
}

/** The application of one engine on a fresh copy of its fixture, its seeded counts checked. */
async function startLane(run, engine) {
  const fx = await throughputFixture(run, engine);
  const db = await fixtureCopy(run, fx, 'throughput');
  const app = await startOn(run, db, { name: `throughput-${engine}` });
  await ready(app);
  const verified = await verifyCounts(app, fx.expected);
  log(`throughput ${engine}: seeded counts ${verified.ok ? 'match' : 'DIFFER'} (${verified.owners} owners)`);
  return { engine, fx, app, verified, rounds: [] };
}

export async function throughput(run) {
  const opt = run.opt;
  const lanes = [];
  try {
    for (const engine of opt.engines) lanes.push(await startLane(run, engine));
    log(`throughput: warm-up runs of ${opt.warmup} s per scenario until settled`);
    for (const lane of lanes) {
      for (const [mode, , extra] of SCENARIOS) {
        const seen = await warmUp(run, lane.app, mode, { env: scenarioEnv(lane.fx, extra), label: `${lane.engine}-${mode}` });
        log(`warm-up ${lane.engine} ${mode}: ${seen.map((rps) => rps.toFixed(0)).join(', ')} req/s`);
      }
    }
    for (let r = 0; r < opt.runs; r++) {
      for (const lane of r % 2 ? [...lanes].reverse() : lanes) {
        const round = {};
        for (const [mode, , extra] of SCENARIOS) {
          round[mode] = await wrk(run, lane.app, mode, { env: scenarioEnv(lane.fx, extra), label: `r${r + 1}-${lane.engine}-${mode}` });
          log(`round ${r + 1} ${lane.engine} ${mode}: ${round[mode].rps.toFixed(0)} req/s, p99 ${round[mode].p99_ms.toFixed(1)} ms, errors ${round[mode].errors}, load ${round[mode].load[0]}`);
        }
        lane.rounds.push(round);
      }
    }
    const results = {};
    for (const lane of lanes) {
      const memAfter = memory(lane.app);
      const scenarios = {};
      for (const [mode, title] of SCENARIOS) scenarios[mode] = { title, ...roundsSummary(lane.rounds, mode) };
      const paced = {};
      for (const mode of ['list', 'get']) {
        paced[mode] = await pacedRuns(run, lane.app, mode, Math.round(0.7 * scenarios[mode].rps.median), scenarioEnv(lane.fx, {}));
      }
      await stopApp(lane.app);
      results[lane.engine] = { engine: lane.engine, scenarios, paced, memory_after_load: memAfter, verified: lane.verified, rounds: lane.rounds };
    }
    if (lanes.length === 1) return results[lanes[0].engine];
    // Each engine against the first one, round by round (the same minutes of the machine).
    const [first, ...others] = lanes;
    const ratios = {};
    for (const lane of others) {
      ratios[lane.engine] = Object.fromEntries(SCENARIOS.map(([mode]) => [mode, summary(lane.rounds.map((round, i) => round[mode].rps / first.rounds[i][mode].rps))]));
    }
    return { engines: results, versus: { base: first.engine, ratios } };
  } finally {
    for (const lane of lanes) await stopApp(lane.app);
  }
}
