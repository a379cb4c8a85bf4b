/** A rate limit that allows a burst of one second's worth, then `ratePerSecond` on average. */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;
  private readonly capacity: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.capacity = Math.max(1, ratePerSecond);
    this.tokens = this.capacity;
    this.refilledAt = clock();
  }

  /** Whole tokens available now. */
  available(): number {
    this.refill();
    return Math.floor(this.tokens);
  }

  take(count: number): void {
    this.refill();
    this.tokens -= count;
  }

  /** Milliseconds until one token is there. */
  msUntilNext(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
  }

  private refill(): void {
    const now = this.clock();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.refilledAt) / 1000) * this.ratePerSecond);
    this.refilledAt = now;
  }
}
