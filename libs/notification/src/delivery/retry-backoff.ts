/**
 * Delay before the next attempt after `attempts` failed ones: the base doubled at each
 * attempt, capped, then "equal jitter" (between half and all of it) so that deliveries that
 * failed together (a gateway outage) do not all come back in the same second.
 */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
