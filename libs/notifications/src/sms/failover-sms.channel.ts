import { Logger } from '@nestjs/common';
import { CircuitBreaker } from './circuit-breaker';
import { PermanentDeliveryError, SmsChannel, SmsMessage, SmsSendResult } from './sms-channel';

/**
 * The primary gateway behind a circuit breaker, and a fallback gateway used while the circuit is
 * open. A single transient failure does not switch gateways (the job retries with backoff):
 * a timed-out request may still have been delivered, and the fallback cannot see the primary's
 * idempotency keys, so switching only when the primary keeps failing limits duplicates.
 */
export class FailoverSmsChannel implements SmsChannel {
  readonly name = 'failover';
  private readonly logger = new Logger('FailoverSmsChannel');

  constructor(
    private readonly primary: SmsChannel,
    private readonly fallback: SmsChannel,
    readonly breaker: CircuitBreaker,
  ) {
    // Either gateway may have had the message: a lookup needs both.
    const primaryLookup = primary.lookup?.bind(primary);
    const fallbackLookup = fallback.lookup?.bind(fallback);
    if (primaryLookup && fallbackLookup) {
      this.lookup = async (idempotencyKey) => {
        const atPrimary = await primaryLookup(idempotencyKey);
        if (atPrimary) return { ...atPrimary, gateway: atPrimary.gateway ?? 'primary' };
        const atFallback = await fallbackLookup(idempotencyKey);
        return atFallback ? { ...atFallback, gateway: atFallback.gateway ?? 'fallback' } : null;
      };
    }
  }

  readonly lookup?: (idempotencyKey: string) => Promise<SmsSendResult | null>;

  async send(message: SmsMessage): Promise<SmsSendResult> {
    if (!this.breaker.tryAcquire()) {
      const result = await this.fallback.send(message);
      return { ...result, gateway: result.gateway ?? 'fallback' };
    }
    try {
      const result = await this.primary.send(message);
      this.breaker.recordSuccess();
      return { ...result, gateway: result.gateway ?? 'primary' };
    } catch (error) {
      // A refused number says nothing about the gateway's health.
      if (error instanceof PermanentDeliveryError) this.breaker.recordSuccess();
      else {
        this.breaker.recordFailure();
        if (this.breaker.state === 'open')
          this.logger.warn('Primary SMS gateway circuit open: using the fallback');
      }
      throw error;
    }
  }
}
