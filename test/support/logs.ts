export interface CapturedLogs {
  /** The JSON log lines written to stdout since the capture began. */
  lines(): Record<string, unknown>[];
  stop(): void;
}

/**
 * Captures the api's pino lines. Start it before the api is created: pino writes to stdout through
 * process.stdout when its write was replaced (and straight to the file descriptor otherwise). The
 * lines are still written; this only reads them.
 */
export function captureLogs(): CapturedLogs {
  const written: string[] = [];
  const originalWrite = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(((...args: unknown[]) => {
    written.push(String(args[0]));
    return originalWrite(...args);
  }) as typeof process.stdout.write);
  return {
    lines: () =>
      written
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: () => write.mockRestore(),
  };
}
