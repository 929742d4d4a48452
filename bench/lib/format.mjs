// How the tables print figures: numbers with separators, median (min–max), percentages, verdicts.

export const fmt = (x, d = 0) => (x == null ? '–' : Number(x).toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d }));
export const fs3 = (s, d = 0) => (s ? `${fmt(s.median, d)} (${fmt(s.min, d)}–${fmt(s.max, d)})` : '–');
export const pct = (s) => (s ? `${fmt(s.median * 100)} % (${fmt(s.min * 100)}–${fmt(s.max * 100)})` : '–');
export const verdict = (ok) => (ok == null ? 'not measured' : ok ? '**met**' : '**missed**');

/** Whether the seeded counts matched GET /api/v1/todos/stats and the list's total_count. */
export const countsChecked = (v) => (v == null ? 'not checked' : v.ok ? `match (${fmt(v.owners)} owners)` : `**differ** (${JSON.stringify(v.mismatches)})`);
