import { retryDelayMs } from './retry-backoff';
import { TokenBucket } from './token-bucket';

describe('retryDelayMs', () => {
  it('doubles at each attempt, keeps between half and all of the delay, and stops at the cap', () => {
    expect(retryDelayMs(1, 1000, 60_000, () => 0)).toBe(500);
    expect(retryDelayMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(retryDelayMs(3, 1000, 60_000, () => 0.5)).toBe(3000);
    expect(retryDelayMs(20, 1000, 60_000, () => 1)).toBe(60_000);
  });
});

describe('TokenBucket', () => {
  it('allows a burst of one second, then refills at the rate', () => {
    let now = 0;
    const bucket = new TokenBucket(10, () => now);
    expect(bucket.available()).toBe(10);
    bucket.take(10);
    expect(bucket.available()).toBe(0);
    expect(bucket.msUntilNext()).toBe(100);
    now = 250;
    expect(bucket.available()).toBe(2);
    now = 10_000;
    expect(bucket.available()).toBe(10);
  });

  it('lets a rate below one per second through once per period', () => {
    let now = 0;
    const bucket = new TokenBucket(0.5, () => now);
    expect(bucket.available()).toBe(1);
    bucket.take(1);
    expect(bucket.msUntilNext()).toBe(2000);
    now = 2000;
    expect(bucket.available()).toBe(1);
  });
});
