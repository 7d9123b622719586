interface Waiting<In, Out> {
  input: In;
  resolve: (output: Out) => void;
  reject: (error: unknown) => void;
}

/**
 * A group commit: many callers' rows go to PostgreSQL in one statement. A call goes at once when
 * fewer than `maxInFlight` statements are running; calls that arrive while they run wait and go
 * together in the next one, so a busy worker makes one round trip (and one commit) per batch
 * instead of one per message, and an idle one adds no delay. With two in flight, a batch does not
 * wait for the whole round trip of the one before it (its commit): the callers' wait is about half
 * as long. Each caller's promise settles only once its own batch is written (or failed).
 */
export class GroupedRoundTrip<In, Out> {
  private readonly waiting: Waiting<In, Out>[] = [];
  private inFlight = 0;

  /** `run` answers one output per input, in the same order. */
  constructor(
    private readonly run: (inputs: In[]) => Promise<Out[]>,
    private readonly maxBatch = 500,
    private readonly maxInFlight = 1,
  ) {}

  call(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      this.startBatches();
    });
  }

  private startBatches(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      this.inFlight++;
      void this.runBatch(batch).finally(() => {
        this.inFlight--;
        this.startBatches();
      });
    }
  }

  private async runBatch(batch: Waiting<In, Out>[]): Promise<void> {
    try {
      const outputs = await this.run(batch.map((entry) => entry.input));
      batch.forEach((entry, index) => entry.resolve(outputs[index]));
    } catch (error) {
      batch.forEach((entry) => entry.reject(error));
    }
  }
}
