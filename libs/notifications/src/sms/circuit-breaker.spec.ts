import { CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  let clock: number;
  let breaker: CircuitBreaker;

  beforeEach(() => {
    clock = 0;
    breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1000, now: () => clock });
  });

  it('opens after the threshold of consecutive failures, not before', () => {
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('a success in between resets the count', () => {
    breaker.recordFailure();
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.state).toBe('closed');
  });

  it('lets exactly one probe through after the cool-down; success closes it', () => {
    for (let i = 0; i < 3; i++) breaker.recordFailure();
    clock = 999;
    expect(breaker.tryAcquire()).toBe(false);
    clock = 1000;
    expect(breaker.state).toBe('half_open');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false); // the probe is in flight
    breaker.recordSuccess();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('a failed probe opens the circuit for another full cool-down', () => {
    for (let i = 0; i < 3; i++) breaker.recordFailure();
    clock = 1500;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    clock = 2499;
    expect(breaker.tryAcquire()).toBe(false);
    clock = 2500;
    expect(breaker.tryAcquire()).toBe(true);
  });
});
