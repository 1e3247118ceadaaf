import { formatGap, formatLapTime } from '../../domain/leaderboard/formatLapTime';

export { formatGap, formatLapTime };

/** 31.234 */
export function formatSector(ms: number | undefined): string {
  return ms === undefined || !Number.isFinite(ms) || ms <= 0 ? '—' : (ms / 1000).toFixed(3);
}

/** The fallback shown until the browser's script puts the reader's own time there: the instant in UTC. */
export function utcText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}
