import { requestLogLevel } from './logging.module';

describe('requestLogLevel', () => {
  const config = { LOG_SLOW_REQUEST_MS: 1000, LOG_REQUEST_SAMPLE_RATE: 0 };

  it('logs failures at error and client errors and slow requests at warn', () => {
    expect(requestLogLevel(config, 500, false, 5)).toBe('error');
    expect(requestLogLevel(config, 200, true, 5)).toBe('error');
    expect(requestLogLevel(config, 413, false, 5)).toBe('warn');
    expect(requestLogLevel(config, 200, false, 1000)).toBe('warn');
  });

  it('keeps fast successful requests at debug unless sampled', () => {
    expect(requestLogLevel(config, 200, false, 999)).toBe('debug');
    const sampled = { ...config, LOG_REQUEST_SAMPLE_RATE: 0.1 };
    expect(requestLogLevel(sampled, 200, false, 5, () => 0.05)).toBe('info');
    expect(requestLogLevel(sampled, 200, false, 5, () => 0.5)).toBe('debug');
  });
});
