// What the tables print of repeated runs: median, min, max; totals.

export function median(xs) {
  const v = xs.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** {median, min, max, n} of the measured values (null and NaN left out), or null without any. */
export function summary(xs) {
  const v = xs.filter((x) => x != null && !Number.isNaN(x));
  if (!v.length) return null;
  return { median: median(v), min: Math.min(...v), max: Math.max(...v), n: v.length };
}

/** The sum of one field over runs: total(runs, 'errors'). */
export function total(xs, field) {
  return xs.reduce((a, x) => a + x[field], 0);
}

/** One scenario over rounds of wrk runs that each include the floor (round.health): the figures the tables print. */
export function roundsSummary(rounds, name) {
  const { rps, ...rest } = runsSummary(rounds.map((round) => round[name]));
  return { rps, ratio_to_floor: summary(rounds.map((round) => round[name].rps / round.health.rps)), ...rest };
}

/** The same wrk run repeated: the figures the tables print. */
export function runsSummary(xs) {
  return {
    rps: summary(xs.map((x) => x.rps)),
    p50_ms: summary(xs.map((x) => x.p50_ms)),
    p99_ms: summary(xs.map((x) => x.p99_ms)),
    cpu_ms_per_req: summary(xs.map((x) => x.cpu_ms_per_req)),
    db_cpu_ms_per_req: summary(xs.map((x) => x.db_cpu_ms_per_req)),
    errors: total(xs, 'errors'),
    non2xx: total(xs, 'non2xx'),
    requests: total(xs, 'requests'),
    load: xs.map((x) => x.load[0]),
  };
}
