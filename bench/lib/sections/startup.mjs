// Startup: exec to the first 200 of the health route and of an authenticated list, on an existing
// database, plain JVM against the AOT cache, alternating, each on a fresh copy of the database.
import fs from 'node:fs';
import { log } from '../clock.mjs';
import { loadAverage } from '../machine.mjs';
import { AOT_CACHE } from '../paths.mjs';
import { cpuMs, procStatus } from '../probes.mjs';
import { copyDir, throughputFixture } from '../seeding.mjs';
import { firstOk, startApp, stopApp, trainAotCacheUnlessCurrent } from '../service.mjs';
import { summary } from '../stats.mjs';

export async function startup(run) {
  const fx = await throughputFixture(run);
  const training_s = trainAotCacheUnlessCurrent();
  const variants = {
    plain: [],
    aot: [`-XX:AOTCache=${AOT_CACHE}`, '-XX:AOTMode=on'], // "on": fail loudly rather than measure without it
  };
  const runs = { plain: [], aot: [] };
  for (let r = 0; r < run.opt.runs; r++) {
    for (const v of r % 2 ? ['aot', 'plain'] : ['plain', 'aot']) {
      const dir = copyDir(run, fx.dir, `startup-${v}`);
      const app = await startApp(run, dir, { extraOpts: variants[v], name: `startup-${v}` });
      const l = loadAverage();
      const health = await firstOk(app, '/api/v1/health');
      const list = await firstOk(app, '/api/v1/todos', 'bench-user');
      const mem = procStatus(app.pid);
      // CPU time the JVM spent to get there (all its threads): steadier than the wall clock on a busy machine
      const cpu = cpuMs(app.pid);
      await stopApp(app);
      runs[v].push({ health_ms: health, list_ms: typeof list === 'number' ? list : null, list_answer: typeof list === 'number' ? 200 : list, cpu_ms: cpu, rss_mb: mem.rss_mb, load: l });
      log(`startup ${v}: health ${health.toFixed(0)} ms, list ${typeof list === 'number' ? list.toFixed(0) + ' ms' : JSON.stringify(list)}`);
    }
  }
  const s = {};
  for (const v of Object.keys(runs)) {
    s[v] = {
      health_ms: summary(runs[v].map((x) => x.health_ms)),
      list_ms: summary(runs[v].map((x) => x.list_ms)),
      cpu_ms: summary(runs[v].map((x) => x.cpu_ms)),
      rss_mb: summary(runs[v].map((x) => x.rss_mb)),
      runs: runs[v],
    };
  }
  const ratio = (k) => (s.aot[k] && s.plain[k] ? s.aot[k].median / s.plain[k].median : null);
  return { ...s, ratio_health: ratio('health_ms'), ratio_list: ratio('list_ms'), aot_training_s: training_s, aot_cache_mb: fs.statSync(AOT_CACHE).size / 1048576 };
}
