import { QueryFailedError } from 'typeorm';
import { isServiceUnavailable, ServiceUnavailableError } from './service-unavailable';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('isServiceUnavailable', () => {
  it('recognises a store that does not answer', () => {
    expect(isServiceUnavailable(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isServiceUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isServiceUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(
      isServiceUnavailable(new Error("Stream isn't writeable and enableOfflineQueue options is false")),
    ).toBe(true);
    expect(isServiceUnavailable(new ServiceUnavailableError('queue'))).toBe(true);
    // graphql wraps a thrown non-Error (pg-pool's bare socket error) and keeps it as thrownValue.
    const thrown = Object.assign(new Error('Unexpected error value'), {
      thrownValue: { code: 'ECONNREFUSED' },
    });
    expect(isServiceUnavailable(thrown)).toBe(true);
    // PostgreSQL shutting down, starting, out of connections: SQLSTATE through TypeORM's wrapper.
    for (const code of ['57P01', '57P03', '53300', '08006']) {
      const driverError = withCode('terminating connection due to administrator command', code);
      expect(isServiceUnavailable(new QueryFailedError('SELECT 1', [], driverError))).toBe(true);
    }
  });

  it('leaves real bugs and bad input alone', () => {
    expect(isServiceUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isServiceUnavailable(new QueryFailedError('SELECT', [], withCode('syntax error', '42601')))).toBe(
      false,
    );
    expect(isServiceUnavailable(new QueryFailedError('SELECT', [], withCode('bad uuid', '22P02')))).toBe(
      false,
    );
    expect(isServiceUnavailable(undefined)).toBe(false);
  });
});
