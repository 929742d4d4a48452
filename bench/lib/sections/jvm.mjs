// JVM flags: candidate collectors and heap sizes for a small container, under the same database and
// load, one run of each configuration (a supporting comparison for bin/jvm.options).
import fs from 'node:fs';
import { log } from '../clock.mjs';
import { JVM_OPTIONS } from '../paths.mjs';
import { memory } from '../probes.mjs';
import { copyDir, throughputFixture } from '../seeding.mjs';
import { ready, startApp, stopApp } from '../service.mjs';
import { summary } from '../stats.mjs';
import { wrk } from '../wrk.mjs';

// Below the JVM's default maximum heap (128 MB) a percentage takes effect only with
// MinRAMPercentage too: for "small" memory the JVM uses MinRAMPercentage (default 50).
const CONFIGS = {
  'serial-64m': ['-XX:+UseSerialGC', '-Xms64m', '-Xmx64m'],
  'serial-15': ['-XX:+UseSerialGC', '-XX:MaxRAMPercentage=15', '-XX:MinRAMPercentage=15'],
  'serial-25': ['-XX:+UseSerialGC', '-XX:MaxRAMPercentage=25', '-XX:MinRAMPercentage=25'],
  'serial-75': ['-XX:+UseSerialGC', '-XX:MaxRAMPercentage=75', '-XX:MinRAMPercentage=75'],
  'g1-25': ['-XX:+UseG1GC', '-XX:MaxRAMPercentage=25', '-XX:MinRAMPercentage=25'],
};

/** bin/jvm.options without its collector and heap size. */
function baseOptions() {
  return fs.readFileSync(JVM_OPTIONS, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean)
    .filter((l) => !/^-XX:\+Use\w+GC$/.test(l) && !/RAMPercentage/.test(l) && !/^-Xm[sx]/.test(l));
}

async function measure(run, fx, name, flags) {
  const opt = run.opt;
  const dir = copyDir(run, fx.dir, `jvm-${name}`);
  const duration = Math.min(opt.duration, 5);
  const app = await startApp(run, dir, { replaceOpts: [...baseOptions(), ...flags, `-XX:MaxRAM=${opt.maxRam}`], name: `jvm-${name}` });
  const startup = await ready(app);
  const res = {};
  for (const mode of ['health', 'list', 'post']) {
    await wrk(run, app, mode, { duration: opt.warmup, env: { BENCH_IDS: fx.ids }, label: `jvm-warm-${name}-${mode}` });
    res[mode] = await wrk(run, app, mode, { duration, env: { BENCH_IDS: fx.ids }, label: `jvm-${name}-${mode}` });
  }
  const mem = memory(app);
  await stopApp(app);
  log(`jvm ${name}: list ${res.list.rps.toFixed(0)} req/s, post ${res.post.rps.toFixed(0)}, rss ${mem.rss_mb.toFixed(0)} MB`);
  return { startup_ms: startup, ...Object.fromEntries(Object.entries(res).flatMap(([m, x]) => [[`${m}_rps`, x.rps], [`${m}_p99_ms`, x.p99_ms], [`${m}_cpu_ms`, x.cpu_ms_per_req]])), ...mem };
}

export async function jvm(run) {
  const fx = await throughputFixture(run);
  const out = {};
  for (const [name, flags] of Object.entries(CONFIGS)) {
    const rows = [await measure(run, fx, name, flags)];
    const of = (field) => summary(rows.map((x) => x[field]));
    out[name] = {
      flags,
      startup_ms: of('startup_ms'),
      health_rps: of('health_rps'),
      list_rps: of('list_rps'),
      list_p99_ms: of('list_p99_ms'),
      post_rps: of('post_rps'),
      list_cpu_ms: of('list_cpu_ms'),
      post_cpu_ms: of('post_cpu_ms'),
      rss_mb: of('rss_mb'),
      hwm_mb: of('hwm_mb'),
      heap_committed_mb: of('heap_committed_mb'),
      runs: rows,
    };
  }
  return out;
}
