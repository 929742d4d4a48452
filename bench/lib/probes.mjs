// What a running service uses: resident memory (/proc), heap and native memory (jcmd), CPU time,
// and the peak heap during a transfer (jstat).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { sleep } from './clock.mjs';
import { jdkTool } from './paths.mjs';

export function procStatus(pid) {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number((s.match(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm')) || [])[1]);
  return { rss_mb: kb('VmRSS') / 1024, hwm_mb: kb('VmHWM') / 1024, rss_anon_mb: kb('RssAnon') / 1024, rss_file_mb: kb('RssFile') / 1024 };
}

/** Heap used and committed (MB) from `jcmd GC.heap_info`, optionally after a full GC. */
export function heap(pid, { gc = false } = {}) {
  try {
    if (gc) execFileSync(jdkTool('jcmd'), [String(pid), 'GC.run'], { stdio: 'pipe', timeout: 30000 });
    const text = execFileSync(jdkTool('jcmd'), [String(pid), 'GC.heap_info'], { encoding: 'utf8', timeout: 30000 });
    let used = 0;
    let committed = 0;
    for (const line of text.split('\n')) {
      if (/^\s*(DefNew|Tenured|def new generation|tenured generation|garbage-first heap|PSYoungGen|ParOldGen|ZHeap|Shenandoah)/i.test(line)) {
        const u = line.match(/used (\d+)K/);
        const c = line.match(/committed (\d+)K/) || line.match(/total (\d+)K/);
        if (u) used += Number(u[1]);
        if (c) committed += Number(c[1]);
      }
    }
    return { heap_used_mb: used / 1024, heap_committed_mb: committed / 1024 };
  } catch (e) {
    return { heap_error: String(e.message).slice(0, 200) };
  }
}

/** Committed MB per category of Native Memory Tracking, when the JVM runs with it. */
export function nativeMemory(pid) {
  try {
    const text = execFileSync(jdkTool('jcmd'), [String(pid), 'VM.native_memory', 'summary'], { encoding: 'utf8', timeout: 30000 });
    const out = {};
    for (const m of text.matchAll(/^-?\s*([A-Za-z][\w ]*?) \(reserved=\d+KB, committed=(\d+)KB/gm)) out[m[1].trim()] = Number(m[2]) / 1024;
    const total = text.match(/Total: reserved=\d+KB, committed=(\d+)KB/);
    if (total) out.Total = Number(total[1]) / 1024;
    return Object.keys(out).length ? out : undefined;
  } catch {
    return undefined;
  }
}

/** RSS, heap now and after a full GC, and native memory when tracked. */
export function memory(app) {
  const nmt = app.args.some((a) => a.startsWith('-XX:NativeMemoryTracking')) ? nativeMemory(app.pid) : undefined;
  return { ...procStatus(app.pid), ...heap(app.pid), nmt, after_full_gc: heap(app.pid, { gc: true }) };
}

/** CPU time (user + system) the process has used, in ms (clock ticks of 10 ms). */
export function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Samples the used heap every 100 ms (jstat reads the JVM's perf data: no safepoint, no attach). */
export function sampleHeap(pid) {
  const child = spawn(jdkTool('jstat'), ['-gc', String(pid), '100'], { stdio: ['ignore', 'pipe', 'ignore'] });
  let max = 0;
  let header = null;
  let buf = '';
  child.stdout.on('data', (d) => {
    buf += d;
    const lines = buf.split('\n');
    buf = lines.pop();
    for (const line of lines) {
      const cols = line.trim().split(/\s+/);
      if (cols[0] === 'S0C') header = cols;
      else if (header) {
        const v = (n) => Number(cols[header.indexOf(n)]) || 0;
        max = Math.max(max, (v('S0U') + v('S1U') + v('EU') + v('OU')) / 1024);
      }
    }
  });
  return {
    stop: async () => {
      child.kill('SIGTERM');
      await sleep(50);
      return max;
    },
  };
}
