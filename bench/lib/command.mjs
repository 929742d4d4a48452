// Running a short command to its end.
import { execFileSync } from 'node:child_process';

/** The command's trimmed output; when it fails, what it printed (or null). */
export function sh(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (e) {
    return `${(e.stdout || '').trim()}${(e.stderr || '').trim()}`.trim() || null;
  }
}
