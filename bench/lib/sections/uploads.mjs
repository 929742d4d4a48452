// Uploads and downloads of 10 MiB and 100 MiB with curl: times, heap growth after a full GC, peak
// heap during the transfer over that baseline, RSS growth.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { log } from '../clock.mjs';
import { sh } from '../command.mjs';
import { request, token } from '../http.mjs';
import { heap, procStatus, sampleHeap } from '../probes.mjs';
import { migratedDir } from '../seeding.mjs';
import { ready, startApp, stopApp } from '../service.mjs';
import { summary } from '../stats.mjs';

/** One upload and download of file to the to-do id, measured, the attachment deleted after. */
async function transfer(run, app, id, file, mib, r) {
  const before = { ...procStatus(app.pid), ...heap(app.pid, { gc: true }) };
  const sampler = sampleHeap(app.pid);
  const auth = `Authorization: Bearer ${token('bench-user')}`;
  const answer = path.join(run.raw, `upload-${mib}-${r}.json`);
  const up = sh('curl', ['-s', '-o', answer, '-w', '%{http_code} %{time_total}', '-H', auth, '-F', `file=@${file};type=application/octet-stream`, `http://127.0.0.1:${app.port}/api/v1/todos/${id}/attachments`]);
  const [upStatus, upTime] = up.split(' ');
  let attachment = null;
  try {
    attachment = JSON.parse(fs.readFileSync(answer, 'utf8'));
  } catch {
    /* error body */
  }
  let downStatus = null;
  let downTime = null;
  if (attachment?.id) {
    const down = sh('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code} %{time_total}', '-H', auth, `http://127.0.0.1:${app.port}/api/v1/todos/${id}/attachments/${attachment.id}/content`]);
    [downStatus, downTime] = down.split(' ');
  }
  const peak = await sampler.stop();
  const after = { ...procStatus(app.pid), ...heap(app.pid, { gc: true }) };
  if (attachment?.id) {
    await request(app.port, 'DELETE', `/api/v1/todos/${id}/attachments/${attachment.id}`, { sub: 'bench-user' });
  }
  const x = {
    upload_status: Number(upStatus), upload_s: Number(upTime), download_status: Number(downStatus), download_s: Number(downTime),
    heap_growth_mb: after.heap_used_mb - before.heap_used_mb,
    heap_peak_over_baseline_mb: peak - before.heap_used_mb,
    rss_growth_mb: after.rss_mb - before.rss_mb,
    rss_after_mb: after.rss_mb,
  };
  log(`upload ${mib} MiB: ${upStatus} in ${upTime} s, download ${downStatus} in ${downTime} s, heap growth ${x.heap_growth_mb.toFixed(1)} MB`);
  return x;
}

export async function uploads(run) {
  const dir = await migratedDir(run, 'uploads');
  const max = 110 * 1048576;
  const app = await startApp(run, dir, { name: 'uploads', env: { TODO_ATTACHMENTS_MAX_BYTES: String(max) } });
  await ready(app);
  try {
    const created = await request(app.port, 'POST', '/api/v1/todos', { sub: 'bench-user', body: { title: 'upload target' } });
    if (created.status !== 201) return { missing: `POST /api/v1/todos answered ${created.status}` };
    const id = JSON.parse(created.body).id;
    const probe = await request(app.port, 'GET', `/api/v1/todos/${id}/attachments`, { sub: 'bench-user' });
    if (probe.status !== 200) return { missing: `GET /api/v1/todos/{id}/attachments answered ${probe.status}: attachments are not on this build` };
    const out = {};
    for (const mib of [10, 100]) {
      const file = path.join(run.tmp, `upload-${mib}.bin`);
      execFileSync('head', ['-c', String(mib * 1048576), '/dev/urandom'], { stdio: ['ignore', fs.openSync(file, 'w'), 'inherit'] });
      const xs = [];
      for (let r = 0; r < run.opt.runs; r++) xs.push(await transfer(run, app, id, file, mib, r));
      fs.rmSync(file);
      const k = (f) => summary(xs.map((x) => x[f]));
      out[`${mib}MiB`] = {
        upload_s: k('upload_s'), download_s: k('download_s'), heap_growth_mb: k('heap_growth_mb'),
        heap_peak_over_baseline_mb: k('heap_peak_over_baseline_mb'), rss_growth_mb: k('rss_growth_mb'),
        statuses: xs.map((x) => `${x.upload_status}/${x.download_status}`), runs: xs,
      };
    }
    return out;
  } finally {
    await stopApp(app);
  }
}
