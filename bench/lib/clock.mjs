// Time for measuring (monotonic) and for progress lines (wall clock).

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Milliseconds on a monotonic clock, microsecond resolution. */
export const now = () => Number(process.hrtime.bigint() / 1000n) / 1000;

/** A progress line on stderr, stamped with the time of day (UTC). */
export const log = (...a) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...a);
