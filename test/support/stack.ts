import { randomBytes, randomInt } from 'node:crypto';
import { AddressInfo, createServer } from 'node:net';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { startedForFile } from './for-file';
import { LoopbackSmsGateway } from './sms-gateway';

export interface StackOptions {
  queueBackend?: 'redis' | 'postgres';
  startWorker?: boolean;
  env?: Record<string, string>;
  /** The api's port (default: any free one); a relying party's entity id must be known before boot. */
  port?: number;
}

export interface TestStack {
  api: INestApplication;
  worker?: INestApplicationContext;
  gateway: LoopbackSmsGateway;
  dataSource: DataSource;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; language?: string; ip?: string },
  ): Promise<GraphQLResult<T>>;
  startWorker(): Promise<INestApplicationContext>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface GraphQLResult<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Test environment: real PostgreSQL (the run's fresh database), real Redis, the loopback gateway. */
export function testEnvironment(
  gateway: Pick<LoopbackSmsGateway, 'url' | 'username' | 'password'>,
  options: StackOptions,
): Record<string, string> {
  const databaseUrl = process.env.PROSSIMO_TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('PROSSIMO_TEST_DATABASE_URL is not set: run the e2e tests through jest');
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '10',
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_BACKEND: options.queueBackend ?? 'redis',
    // A fresh prefix per stack keeps runs (and test files) from seeing each other's jobs.
    QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    OTP_HMAC_SECRET: randomBytes(32).toString('hex'),
    FIELD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SMS_CHANNEL: 'http',
    SMS_HTTP_URL: gateway.url,
    SMS_HTTP_USERNAME: gateway.username,
    SMS_HTTP_PASSWORD: gateway.password,
    SMS_HTTP_TIMEOUT_MS: '2000',
    OUTBOX_POLL_INTERVAL_MS: '100',
    JOB_BACKOFF_MS: '50',
    JOB_ATTEMPTS: '4',
    TRUST_PROXY: 'loopback',
    // Test files make many calls from one address; the limits have their own test.
    RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_SENSITIVE_PER_MINUTE: '100000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000',
    GRAPHQL_MAX_TOKENS: '100000',
    ORGANISATION_INVITES_PER_DAY: '1000',
    ORGANISATION_INVITES_PER_DAY_UNACCREDITED: '1000',
    ORGANISATION_INVITES_PER_ACCOUNT_PER_DAY: '1000',
    ...options.env,
  };
}

export async function startStack(options: StackOptions = {}): Promise<TestStack> {
  const gateway = new LoopbackSmsGateway();
  await gateway.start();
  Object.assign(process.env, testEnvironment(gateway, options));

  const api = await createApiApp();
  await api.listen(options.port ?? 0, '127.0.0.1');
  const dataSource = api.get<DataSource>(getDataSourceToken());
  let worker: INestApplicationContext | undefined;

  const stack: TestStack = {
    api,
    gateway,
    dataSource,
    get worker() {
      return worker;
    },
    async graphql(query, variables, requestOptions = {}) {
      let call = request(api.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('accept-language', requestOptions.language ?? 'it');
      if (requestOptions.token) call = call.set('authorization', `Bearer ${requestOptions.token}`);
      if (requestOptions.ip) call = call.set('x-forwarded-for', requestOptions.ip);
      const response = await call.send({ query, variables });
      return { status: response.status, data: response.body.data, errors: response.body.errors };
    },
    async startWorker() {
      worker = await createWorkerApp();
      await worker.init();
      return worker;
    },
    async stopWorker() {
      await worker?.close();
      worker = undefined;
    },
    async close() {
      await stack.stopWorker();
      await api.close();
      await gateway.stop();
    },
  };
  if (options.startWorker ?? true) await stack.startWorker();
  return stack;
}

/**
 * An e2e file's stack (startStack), started before its tests and closed after them (startedForFile);
 * called in a describe block, before and after that block's tests. `options` may be a function,
 * called in the beforeAll, for a stack that needs what the file's own beforeAll declared before
 * this call started (a loopback server's URL); the file's afterAll declared after this call runs
 * after the stack is closed (Jest runs afterAll hooks in the order they are declared).
 */
export function startStackForFile(
  options: StackOptions | (() => StackOptions | Promise<StackOptions>) = {},
): TestStack {
  return startedForFile(
    async () => startStack(typeof options === 'function' ? await options() : options),
    (stack) => stack.close(),
  );
}

/** A free loopback port, for servers whose URL must be known before they start. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A valid Italian mobile number, random so that test files never share one. */
export function uniquePhone(): string {
  return `+39347${randomInt(0, 10_000_000).toString().padStart(7, '0')}`;
}

/** A documentation-range client address, distinct per test, for the per-IP limits. */
export function uniqueIp(): string {
  return `198.18.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}
