// What the figures were measured on: the machine, the JDK, wrk, the commit, and how busy it was.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { sh } from './command.mjs';
import { JVM_OPTIONS, ROOT, jdkTool } from './paths.mjs';

/** The 1, 5 and 15-minute load averages, two decimals. */
export const loadAverage = () => os.loadavg().map((x) => Number(x.toFixed(2)));

export function describeMachine(maxRam) {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const mem = fs.readFileSync('/proc/meminfo', 'utf8');
  return {
    nproc: Number(sh('nproc', [])),
    cpu_model: (cpuinfo.match(/^model name\s*:\s*(.*)$/m) || [])[1] ?? os.cpus()[0]?.model,
    memory_gb: Number((Number(mem.match(/MemTotal:\s+(\d+)/)[1]) / 1048576).toFixed(1)),
    kernel: os.release(),
    jdk: spawnSync(jdkTool('java'), ['-version'], { encoding: 'utf8' }).stderr.trim().split('\n').slice(1, 3).join(' / '),
    wrk: (sh('wrk', ['-v']) || '').split('\n')[0],
    commit: sh('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']),
    dirty: !!sh('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no']),
    jvm_options: fs.readFileSync(JVM_OPTIONS, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')),
    max_ram: maxRam,
    load_at_start: loadAverage(),
  };
}
