import { DataSource } from 'typeorm';

export interface SentStatus {
  id: string;
  gatewayMessageId: string;
  gateway: string;
}

interface Waiting {
  status: SentStatus;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 500;

/**
 * Records "sent" (with the gateway's message id) for many notifications in one UPDATE: a group
 * commit. The first write goes at once; writes that arrive while it runs wait and go together in
 * the next one, so a busy worker makes one round trip per batch instead of one per message, and an
 * idle one adds no delay. Each caller's promise settles only once its row is written, so a job is
 * acknowledged after its gateway id is stored.
 */
export class SentStatusWriter {
  private readonly waiting: Waiting[] = [];
  private flushing = false;

  constructor(private readonly dataSource: DataSource) {}

  record(status: SentStatus): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ status, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        try {
          await this.write(batch.map((entry) => entry.status));
          batch.forEach((entry) => entry.resolve());
        } catch (error) {
          batch.forEach((entry) => entry.reject(error));
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async write(statuses: SentStatus[]): Promise<void> {
    // One-time codes lose their text once sent (sensitive); the rest keep it for replay.
    await this.dataSource.query(
      `UPDATE notifications n
          SET status = 'sent', gateway_message_id = s.gateway_message_id, gateway = s.gateway,
              sent_at = now(), last_error = NULL, updated_at = now(),
              body_encrypted = CASE WHEN n.sensitive THEN NULL ELSE n.body_encrypted END
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS s(id, gateway_message_id, gateway)
        WHERE n.id = s.id`,
      [statuses.map((s) => s.id), statuses.map((s) => s.gatewayMessageId), statuses.map((s) => s.gateway)],
    );
  }
}
