// The framework floor: GET /api/v1/health of the service against the same route of the smallest
// Micronaut app that answers it (bench/floor: Netty, HikariCP, sqlite-jdbc, serde, `select 1`),
// both started with bin/jvm.options and running side by side; wrk alternates between them, and
// each round's ratio is the service's throughput over the floor's in that round.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { log, now } from '../clock.mjs';
import { freePort } from '../http.mjs';
import { FLOOR_JAR, jdkTool } from '../paths.mjs';
import { procStatus } from '../probes.mjs';
import { copyDir, throughputFixture } from '../seeding.mjs';
import { jvmOptions, ready, startApp, stopApp } from '../service.mjs';
import { summary } from '../stats.mjs';
import { WARM_UP_RUNS_AT_MOST, settled, wrk } from '../wrk.mjs';

/** Starts bench/floor/target/floor.jar like the service: same flags, its own database in dir. */
async function startFloor(run, dir) {
  const port = await freePort(run.opt.port ? run.opt.port + 1 : 0);
  const logFile = path.join(run.raw, `floor-${++run.counters.apps}.log`);
  const out = fs.openSync(logFile, 'w');
  const args = [...jvmOptions(run.opt.maxRam), '-jar', FLOOR_JAR];
  const child = spawn(jdkTool('java'), args, {
    cwd: dir,
    env: { ...process.env, PORT: String(port), FLOOR_DATABASE_URL: `jdbc:sqlite:${path.join(dir, 'floor.db')}` },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const app = { child, pid: child.pid, port, t0: now(), logFile, exited: null, args };
  child.on('exit', (code, signal) => {
    app.exited = { code, signal };
    run.running.delete(app);
  });
  run.running.add(app);
  return app;
}

export async function floor(run) {
  if (!fs.existsSync(FLOOR_JAR)) throw new Error(`${FLOOR_JAR} missing (bench/run builds it)`);
  const fx = await throughputFixture(run);
  const service = await startApp(run, copyDir(run, fx.dir, 'floor-service'), { name: 'floor-service' });
  const floorDir = path.join(run.tmp, 'floor-app');
  fs.mkdirSync(floorDir, { recursive: true });
  const floorApp = await startFloor(run, floorDir);
  try {
    await ready(service);
    await ready(floorApp);
    const apps = { floor: floorApp, service };
    // A long warm-up: the service has far more code to compile than the floor, and rounds against
    // a service still warming measured the JIT (6-39 % at a load of 13-17; on a busy machine it
    // took over a minute of load to settle). Warm-up runs alternate until both apps are settled.
    const last = {};
    for (let w = 0, both = false; w < WARM_UP_RUNS_AT_MOST && !both; w++) {
      both = true;
      for (const [name, app] of Object.entries(apps)) {
        const x = await wrk(run, app, 'health', { duration: run.opt.warmup, label: `floor-warm${w + 1}-${name}` });
        both = settled(last[name], x.rps) && both;
        last[name] = x.rps;
      }
    }
    const rounds = [];
    for (let r = 0; r < run.opt.runs; r++) {
      const round = {};
      // alternate which goes first, so that neither always follows the other's load
      for (const name of r % 2 ? ['service', 'floor'] : ['floor', 'service']) {
        round[name] = await wrk(run, apps[name], 'health', { label: `floor-r${r + 1}-${name}` });
      }
      rounds.push(round);
      log(`floor round ${r + 1}: floor ${round.floor.rps.toFixed(0)} req/s, service ${round.service.rps.toFixed(0)} req/s (${((100 * round.service.rps) / round.floor.rps).toFixed(0)} %), load ${round.floor.load[0]}`);
    }
    const of = (name, k) => summary(rounds.map((x) => x[name][k]));
    const out = { rounds };
    for (const name of Object.keys(apps)) {
      out[name] = { rps: of(name, 'rps'), p50_ms: of(name, 'p50_ms'), p99_ms: of(name, 'p99_ms'), cpu_ms_per_req: of(name, 'cpu_ms_per_req'), errors: rounds.reduce((a, x) => a + x[name].errors, 0), rss_mb: procStatus(apps[name].pid).rss_mb };
    }
    out.ratio = summary(rounds.map((x) => x.service.rps / x.floor.rps));
    out.cpu_ratio = summary(rounds.map((x) => x.service.cpu_ms_per_req / x.floor.cpu_ms_per_req));
    out.load = rounds.map((x) => x.floor.load[0]);
    return out;
  } finally {
    await stopApp(floorApp);
    await stopApp(service);
  }
}
