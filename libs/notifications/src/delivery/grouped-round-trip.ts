interface Waiting<In, Out> {
  input: In;
  resolve: (output: Out) => void;
  reject: (error: unknown) => void;
}

/**
 * A group commit: many callers' rows go to PostgreSQL in one statement. The first call goes at
 * once; calls that arrive while it runs wait and go together in the next one, so a busy worker
 * makes one round trip (and one commit) per batch instead of one per message, and an idle one
 * adds no delay. Each caller's promise settles only once its own batch is written (or failed).
 */
export class GroupedRoundTrip<In, Out> {
  private readonly waiting: Waiting<In, Out>[] = [];
  private flushing = false;

  /** `run` answers one output per input, in the same order. */
  constructor(
    private readonly run: (inputs: In[]) => Promise<Out[]>,
    private readonly maxBatch = 500,
  ) {}

  call(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, this.maxBatch);
        try {
          const outputs = await this.run(batch.map((entry) => entry.input));
          batch.forEach((entry, index) => entry.resolve(outputs[index]));
        } catch (error) {
          batch.forEach((entry) => entry.reject(error));
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
