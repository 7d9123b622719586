import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, JOBS, maskPhone, OnJob, OnJobExhausted, PayloadOf } from '@prossimo/platform';
import { Job, UnrecoverableError } from 'bullmq';
import { EMAIL_CHANNEL, EmailChannel, splitEmail } from '../email/email-channel';
import {
  DeliveryOutcomeUnknownError,
  PermanentDeliveryError,
  SMS_CHANNEL,
  SmsChannel,
  SmsSendResult,
} from '../sms/sms-channel';
import { NotificationsService } from './notifications.service';
import { GroupedRoundTrip } from './grouped-round-trip';
import {
  ClaimedNotification,
  NotificationDeliveryRepository,
  SentStatus,
} from './notification-delivery.repository';

/** Beyond the channel's own timeout, before an unfinished attempt is taken as over. */
const IN_FLIGHT_MARGIN_MS = 2000;

/** Claims and "sent" records of at most this many jobs go in one statement. */
const GROUP_MAX_STEPS = 500;
/**
 * Grouped statements running at once: with one, a job whose claim comes while a statement is in
 * flight waits for its whole round trip and commit, then for its own; with two it waits about half
 * that (issue 18: a busy worker's jobs spent much of their time waiting on the group in flight).
 * Two statements at once are like two workers': rows are locked, so a claim of a row whose "sent"
 * is in the other statement waits for that commit and then finds it sent.
 */
const GROUPS_IN_FLIGHT = 2;

/** A job's part of a grouped round trip: its claim before the send, or its "sent" record after. */
type DeliveryStep = { claim: string } | { sent: SentStatus };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * After a send that failed but may be retried, then rethrows: with no answer (the provider may have
 * it) the notification stays 'sending' and the retry settles it; surely not sent, it is 'pending'
 * again. Only while still 'sending': a duplicate job that got the provider's answer may have
 * recorded 'sent' meanwhile, and that stays. Used by the SMS/e-mail and the IO processors.
 */
export async function recordFailedAttempt(
  repository: NotificationDeliveryRepository,
  id: string,
  error: Error,
): Promise<never> {
  await repository.recordFailedAttempt(id, error instanceof DeliveryOutcomeUnknownError, error.message);
  throw error;
}

/**
 * The record of a send that went out. Should it fail (a lost connection, a failover), the
 * notification must not go back to 'pending', whence a retry would send it again: the error says
 * the outcome is unknown, so the row stays 'sending' and the retry settles it (the provider's status
 * lookup) instead of sending. Used by the SMS/e-mail and the IO processors.
 */
export async function recordAfterSend<T>(record: Promise<T>): Promise<T> {
  try {
    return await record;
  } catch (error) {
    throw new DeliveryOutcomeUnknownError(`Sent, but not recorded: ${(error as Error).message}`);
  }
}

/**
 * Sends one notification. Idempotent: a notification already sent is skipped, and the gateway
 * receives the notification id as idempotency key (the Message-ID for e-mail).
 *
 * A send is recorded before it leaves ('sending', with the attempt counted) and settled after:
 * 'sent' with the provider's id, back to 'pending' when the provider surely did not take it (an
 * answered 5xx, a refused connection), or left 'sending' when the outcome is unknown (no answer).
 * A notification found 'sending' (its worker died mid-send, or no answer came) is never simply
 * sent again, since a provider that ignores Idempotency-Key would send it twice: once the attempt
 * cannot be under way any more, the provider's status lookup settles it (sent, or not there:
 * send), and without a lookup it becomes 'unknown' for an administrator to check and replay.
 *
 * Two writes to PostgreSQL per message on the hot path: the claim (UPDATE ... RETURNING, which
 * counts the attempt) and the "sent" record with the gateway's message id, which completes before
 * the job is acknowledged. Both go with other jobs' claims and "sent" records in one grouped
 * statement (GroupedRoundTrip): a busy worker makes one round trip and one commit for the claims
 * of the jobs it starts and the records of those it finishes, instead of one of each.
 */
@Injectable()
export class NotificationDeliveryProcessor {
  private readonly logger = new Logger(NotificationDeliveryProcessor.name);
  private readonly roundTrips: GroupedRoundTrip<DeliveryStep, ClaimedNotification | undefined>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: NotificationDeliveryRepository,
    @Inject(SMS_CHANNEL) private readonly sms: SmsChannel,
    @Inject(EMAIL_CHANNEL) private readonly email: EmailChannel,
    private readonly notifications: NotificationsService,
  ) {
    const inFlightMs = {
      sms: config.SMS_HTTP_TIMEOUT_MS + IN_FLIGHT_MARGIN_MS,
      email: config.SMTP_TIMEOUT_MS + IN_FLIGHT_MARGIN_MS,
    };
    this.roundTrips = new GroupedRoundTrip(
      (steps) => this.claimAndRecordSent(steps, inFlightMs),
      GROUP_MAX_STEPS,
      GROUPS_IN_FLIGHT,
    );
  }

  @OnJob(JOBS.deliverNotification)
  async deliver({ notificationId }: PayloadOf<typeof JOBS.deliverNotification>, job: Job): Promise<string> {
    // Checked here: one malformed id in a grouped claim would fail the other jobs' claims with it.
    if (typeof notificationId !== 'string' || !UUID.test(notificationId)) {
      throw new UnrecoverableError(`Job ${job.id} has no valid notification id`);
    }
    const record = await this.roundTrips.call({ claim: notificationId });
    if (!record) return 'not-pending';
    if (record.channel !== 'sms' && record.channel !== 'email') {
      return this.failPermanently(record.id, `Channel ${record.channel} is not delivered by jobs`);
    }

    if (record.inFlight) {
      // Another attempt (a duplicate job, or one taken over from a slow worker) may be sending it.
      throw new Error(`Notification ${record.id} has a send under way: checked again later`);
    }

    try {
      let result: SmsSendResult | undefined;
      if (record.resumed) {
        const settled = await this.settleEarlierAttempt(record);
        if (settled === 'unknown') return 'unknown';
        result = settled ?? undefined;
      }
      if (!result) {
        const text = this.notifications.decryptBody(record);
        result =
          record.channel === 'sms'
            ? await this.sms.send({ idempotencyKey: record.id, to: record.recipient, text })
            : await this.email.send({ idempotencyKey: record.id, to: record.recipient, ...splitEmail(text) });
      }
      const gateway = typeof result.gateway === 'string' ? result.gateway : undefined;
      await recordAfterSend(
        this.roundTrips.call({
          sent: {
            id: record.id,
            gatewayMessageId: result.gatewayMessageId,
            gateway: gateway ?? (record.channel === 'sms' ? this.sms.name : this.email.name),
          },
        }),
      );
      this.logger.log(
        `Notification ${record.id} (${record.event}) sent by ${record.channel}` +
          (record.channel === 'sms' ? ` to ${maskPhone(record.recipient)}` : '') +
          (record.resumed ? ' (earlier attempt settled)' : ''),
      );
      return 'sent';
    } catch (error) {
      const message = (error as Error).message;
      if (error instanceof PermanentDeliveryError) return this.failPermanently(record.id, message);
      return recordFailedAttempt(this.repository, record.id, error as Error);
    }
  }

  /**
   * An earlier attempt may have reached the provider. With a status lookup, the provider says:
   * its record (then it was sent), or null (not there: send it now). A lookup that fails (no
   * answer, 5xx) settles nothing: the row stays 'sending' and the retry asks again, never sends.
   * Without a lookup, the notification becomes 'unknown' and is not sent again.
   */
  private async settleEarlierAttempt(record: ClaimedNotification): Promise<SmsSendResult | null | 'unknown'> {
    const lookup = record.channel === 'sms' ? this.sms.lookup?.bind(this.sms) : undefined;
    if (lookup) {
      try {
        return await lookup(record.id);
      } catch (error) {
        throw new DeliveryOutcomeUnknownError(
          `Status lookup failed, earlier attempt not settled: ${(error as Error).message}`,
        );
      }
    }
    await this.repository.markUnknownWithoutLookup(record.id);
    this.logger.warn(`Notification ${record.id} (${record.event}): outcome unknown, not sent again`);
    return 'unknown';
  }

  @OnJobExhausted(JOBS.deliverNotification)
  async deliveryExhausted(
    { notificationId }: PayloadOf<typeof JOBS.deliverNotification>,
    error: Error,
  ): Promise<void> {
    // The last attempt got no answer ('sending'): unknown, not failed, since it may have gone out.
    await this.repository.recordExhausted(notificationId, error.message);
  }

  /**
   * Claims notifications and records sends, for a batch of jobs, in one statement. A claimed
   * notification that is sent, delivered, failed for good, cancelled or unknown is not claimed.
   * One found 'sending' is resumed: its earlier attempt is settled first (see deliver), and while
   * that attempt may still be under way (updated within its channel's timeout and a margin) it is
   * left alone. Rows are locked in id order so that two workers claiming overlapping batches
   * (duplicate jobs) wait for each other instead of deadlocking; an id twice in one batch goes to
   * its first job only. A claim of a row whose "sent" is in the same batch (a duplicate job) goes
   * in a second statement, after it (one statement must not update a row twice): it finds it sent.
   */
  private async claimAndRecordSent(
    steps: DeliveryStep[],
    inFlightMs: { sms: number; email: number },
  ): Promise<(ClaimedNotification | undefined)[]> {
    const sent = steps.flatMap((step) => ('sent' in step ? [step.sent] : []));
    const sentIds = new Set(sent.map((status) => status.id));
    const claimIds = steps.flatMap((step) => ('claim' in step ? [step.claim] : []));
    const claimed = await this.repository.claimAndRecordSent(
      claimIds.filter((id) => !sentIds.has(id)),
      sent,
      inFlightMs,
    );
    const afterSent = claimIds.filter((id) => sentIds.has(id));
    if (afterSent.length > 0) {
      claimed.push(...(await this.repository.claimAndRecordSent(afterSent, [], inFlightMs)));
    }
    const byId = new Map(claimed.map((row) => [row.id, row]));
    return steps.map((step) => {
      if (!('claim' in step)) return undefined;
      const row = byId.get(step.claim);
      byId.delete(step.claim);
      return row;
    });
  }

  private async failPermanently(id: string, reason: string): Promise<never> {
    await this.repository.failPermanently(id, reason);
    throw new UnrecoverableError(reason);
  }
}
