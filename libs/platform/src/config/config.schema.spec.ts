import { ConfigError, parseConfig } from './config.schema';

const validEnvironment = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/prossimo',
  JWT_SECRET: 'j'.repeat(32),
  OTP_HMAC_SECRET: 'o'.repeat(32),
  FIELD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('parseConfig', () => {
  it('fills defaults and picks the PostgreSQL queue backend without REDIS_URL', () => {
    const config = parseConfig(validEnvironment);
    expect(config.HTTP_PORT).toBe(3000);
    expect(config.QUEUE_BACKEND).toBe('postgres');
    expect(config.PHONE_ALLOWED_COUNTRY_CODES).toEqual(['39']);
  });

  it('picks Redis when REDIS_URL is set', () => {
    expect(parseConfig({ ...validEnvironment, REDIS_URL: 'redis://127.0.0.1:6379' }).QUEUE_BACKEND).toBe(
      'redis',
    );
  });

  it('takes Redis Cluster seed nodes, but not together with sentinels', () => {
    const redis = { ...validEnvironment, REDIS_URL: 'redis://:secret@127.0.0.1:6379' };
    expect(
      parseConfig({ ...redis, REDIS_CLUSTER_NODES: '10.0.0.1:7000,10.0.0.2:7000' }).REDIS_CLUSTER_NODES,
    ).toBe('10.0.0.1:7000,10.0.0.2:7000');
    expect(() => parseConfig({ ...redis, REDIS_CLUSTER_NODES: '10.0.0.1' })).toThrow(
      /REDIS_CLUSTER_NODES is invalid/,
    );
    expect(() =>
      parseConfig({ ...redis, REDIS_CLUSTER_NODES: '10.0.0.1:7000', REDIS_SENTINELS: '10.0.0.9:26379' }),
    ).toThrow(/both set/);
  });

  it('names the missing variable in one line', () => {
    const { DATABASE_URL: _omitted, ...withoutDatabase } = validEnvironment;
    expect(() => parseConfig(withoutDatabase)).toThrow(
      new ConfigError('Configuration error: DATABASE_URL is missing (see .env.example)'),
    );
  });

  it('names the invalid variable and why', () => {
    expect(() => parseConfig({ ...validEnvironment, HTTP_PORT: 'eighty' })).toThrow(/HTTP_PORT is invalid/);
    expect(() => parseConfig({ ...validEnvironment, JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET is invalid: must be at least 32 characters/,
    );
  });

  it('reads the matching radius steps as increasing kilometres and names the variable when wrong', () => {
    expect(parseConfig(validEnvironment).MATCHING_RADIUS_STEPS_KM).toEqual([5, 10]);
    expect(
      parseConfig({ ...validEnvironment, MATCHING_RADIUS_STEPS_KM: ' 2, 4 ,8' }).MATCHING_RADIUS_STEPS_KM,
    ).toEqual([2, 4, 8]);
    expect(
      parseConfig({ ...validEnvironment, MATCHING_RADIUS_STEPS_KM: '' }).MATCHING_RADIUS_STEPS_KM,
    ).toEqual([]);
    for (const bad of ['10,5', '5,5', 'five', '0', '2.5', '101']) {
      expect(() => parseConfig({ ...validEnvironment, MATCHING_RADIUS_STEPS_KM: bad })).toThrow(
        /MATCHING_RADIUS_STEPS_KM is invalid: must be up to 10 increasing/,
      );
    }
  });

  it('takes a cron pattern of 5 or 6 fields for the batch assignment schedule', () => {
    expect(parseConfig(validEnvironment).MATCHING_BATCH_SCHEDULE).toBe('0 18 * * *');
    expect(
      parseConfig({ ...validEnvironment, MATCHING_BATCH_SCHEDULE: '*/2 * * * * *' }).MATCHING_BATCH_SCHEDULE,
    ).toBe('*/2 * * * * *');
    for (const bad of ['every evening', '0 18 * *', '0 18 * * * * *', '0; 18 * * *']) {
      expect(() => parseConfig({ ...validEnvironment, MATCHING_BATCH_SCHEDULE: bad })).toThrow(
        /MATCHING_BATCH_SCHEDULE is invalid: must be a cron pattern/,
      );
    }
  });

  it('refuses the http SMS channel without a gateway URL', () => {
    expect(() => parseConfig({ ...validEnvironment, SMS_CHANNEL: 'http' })).toThrow(
      /SMS_HTTP_URL is missing/,
    );
  });

  it('trusts no forwarded header in production unless TRUST_PROXY names the proxies', () => {
    expect(parseConfig({ ...validEnvironment, NODE_ENV: 'production' }).TRUST_PROXY).toBe(false);
    expect(parseConfig(validEnvironment).TRUST_PROXY).toEqual(['loopback']);
    const trust = (value: string) =>
      parseConfig({ ...validEnvironment, NODE_ENV: 'production', TRUST_PROXY: value }).TRUST_PROXY;
    expect(trust('false')).toBe(false);
    expect(trust('1')).toBe(1);
    expect(trust('10.0.0.2, 10.1.0.0/16,loopback')).toEqual(['10.0.0.2', '10.1.0.0/16', 'loopback']);
    expect(trust('fd00::/8')).toEqual(['fd00::/8']);
    for (const bad of ['true', 'everyone', '10.0.0.0/33', '10.0.0.1/8/1', '300.1.1.1']) {
      expect(() => trust(bad)).toThrow(/TRUST_PROXY is invalid/);
    }
  });
});

describe('development message files', () => {
  it('go in PROSSIMO_DATA_DIR unless their own path is set', () => {
    const config = parseConfig({ ...validEnvironment, PROSSIMO_DATA_DIR: '/srv/prossimo-data' });
    expect(config.EMAIL_FILE_PATH).toBe('/srv/prossimo-data/email-outbox.log');
    expect(config.SMS_FILE_PATH).toBe('/srv/prossimo-data/sms-outbox.log');
    expect(parseConfig(validEnvironment).EMAIL_FILE_PATH).toBe('.data/email-outbox.log');
    expect(
      parseConfig({ ...validEnvironment, PROSSIMO_DATA_DIR: '/srv/x', EMAIL_FILE_PATH: '/tmp/mail.log' })
        .EMAIL_FILE_PATH,
    ).toBe('/tmp/mail.log');
  });
});
