/**
 * Process CPU seconds (user + system, DuckDB's threads included) since the last call; each call
 * starts the next interval. The steps report it per stage and per part in their stats.
 */
export function cpuClock(): () => number {
  let last = process.cpuUsage();
  return () => {
    const d = process.cpuUsage(last);
    last = process.cpuUsage();
    return Math.round((d.user + d.system) / 1000) / 1000;
  };
}
