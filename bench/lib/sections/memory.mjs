// Memory under load: the resident set of the service during a minute of the mixed load (the
// throughput section's mix, 64 connections), from a fresh start, with bin/jvm.options on this
// machine's whole memory and under a small container's limit (-XX:MaxRAM), so that a heap sized by
// percentage shows; the same with the AOT cache. Then one run with Native Memory Tracking: where
// the committed memory goes.
import { log, sleep } from '../clock.mjs';
import { AOT_CACHE, JVM_OPTIONS } from '../paths.mjs';
import { nativeMemory, procStatus } from '../probes.mjs';
import { copyDir, throughputFixture } from '../seeding.mjs';
import { ready, startApp, stopApp, trainAotCacheUnlessCurrent } from '../service.mjs';
import { summary } from '../stats.mjs';
import { wrk } from '../wrk.mjs';

const extra = () => (process.env.BENCH_JAVA_OPTS || '').split(/\s+/).filter(Boolean);

/** The variants: JVM options in place of service.mjs's jvmOptions() (which always emulates a container). */
export function memoryVariants(maxRam) {
  const aot = [`-XX:AOTCache=${AOT_CACHE}`, '-XX:AOTMode=on'];
  return {
    machine: [`@${JVM_OPTIONS}`, ...extra()],
    [`container-${maxRam}`]: [`@${JVM_OPTIONS}`, `-XX:MaxRAM=${maxRam}`, ...extra()],
    'machine-aot': [`@${JVM_OPTIONS}`, ...aot, ...extra()],
  };
}

/** Starts the service, runs the mix for `seconds`, sampling RSS every 250 ms; then stops it. */
async function underLoad(run, fx, name, opts, seconds) {
  const dir = copyDir(run, fx.dir, `memory-${name}`);
  const app = await startApp(run, dir, { replaceOpts: opts, name: `memory-${name}` });
  const readyMs = await ready(app);
  const atReady = procStatus(app.pid);
  let sampling = true;
  const samples = [];
  const sampler = (async () => {
    while (sampling && !app.exited) {
      samples.push(procStatus(app.pid).rss_mb);
      await sleep(250);
    }
  })();
  try {
    const load = await wrk(run, app, 'mix', { duration: seconds, env: { BENCH_IDS: fx.mixIds, BENCH_USERS: '100' }, label: `memory-${name}` });
    sampling = false;
    await sampler;
    const end = procStatus(app.pid);
    const nmt = opts.some((o) => o.startsWith('-XX:NativeMemoryTracking')) ? nativeMemory(app.pid) : undefined;
    return {
      ready_ms: readyMs,
      rss_at_ready_mb: atReady.rss_mb,
      // VmHWM: the peak since exec, exact (the samples can miss a spike between two of them)
      peak_rss_mb: end.hwm_mb,
      rss_end_mb: end.rss_mb,
      rss_anon_end_mb: end.rss_anon_mb,
      rss_file_end_mb: end.rss_file_mb,
      rss_median_mb: summary(samples)?.median,
      rps: load.rps,
      p99_ms: load.p99_ms,
      cpu_ms_per_req: load.cpu_ms_per_req,
      errors: load.errors,
      load: load.load,
      nmt,
    };
  } finally {
    sampling = false;
    await stopApp(app);
  }
}

export async function memory(run) {
  const opt = run.opt;
  const seconds = opt.quick ? 20 : 60;
  const fx = await throughputFixture(run);
  trainAotCacheUnlessCurrent();
  const variants = memoryVariants(opt.maxRam);
  const runs = Object.fromEntries(Object.keys(variants).map((v) => [v, []]));
  for (let r = 0; r < opt.runs; r++) {
    // the order rotates, so that no variant always runs first (or last) on a machine whose load drifts
    const names = Object.keys(variants);
    const order = names.slice(r % names.length).concat(names.slice(0, r % names.length));
    for (const v of order) {
      const x = await underLoad(run, fx, v, variants[v], seconds);
      runs[v].push(x);
      log(`memory ${v}: peak RSS ${x.peak_rss_mb.toFixed(0)} MB, at the end ${x.rss_end_mb.toFixed(0)} MB, mix ${x.rps.toFixed(0)} req/s, load ${x.load[0]}`);
    }
  }
  // Where it goes: one run on the machine's memory with NMT (which costs a few MB of its own).
  const nmtRun = await underLoad(run, fx, 'nmt', [...variants.machine, '-XX:NativeMemoryTracking=summary'], seconds);
  const out = { seconds, variants: {} };
  for (const [v, xs] of Object.entries(runs)) {
    const of = (k) => summary(xs.map((x) => x[k]));
    out.variants[v] = {
      flags: variants[v].filter((o) => !o.startsWith('@')),
      peak_rss_mb: of('peak_rss_mb'),
      rss_end_mb: of('rss_end_mb'),
      rss_anon_end_mb: of('rss_anon_end_mb'),
      rss_file_end_mb: of('rss_file_end_mb'),
      rss_at_ready_mb: of('rss_at_ready_mb'),
      rps: of('rps'),
      p99_ms: of('p99_ms'),
      cpu_ms_per_req: of('cpu_ms_per_req'),
      errors: xs.reduce((a, x) => a + x.errors, 0),
      load: xs.map((x) => x.load[0]),
      runs: xs,
    };
  }
  out.nmt = { rss_end_mb: nmtRun.rss_end_mb, peak_rss_mb: nmtRun.peak_rss_mb, committed_mb: nmtRun.nmt };
  return out;
}
