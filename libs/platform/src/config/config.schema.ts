import { isIP } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The one schema for every setting Prossimo reads from the environment.
 * It is parsed once at boot; a bad value stops the process with one line naming the variable.
 */
const booleanString = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const optionalUrl = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined))
  .pipe(z.string().url().optional());

const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  );

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Requests slower than this are logged at warn; faster successful ones only at debug (or sampled). */
  LOG_SLOW_REQUEST_MS: z.coerce.number().int().min(1).default(1000),
  /** Share (0-1) of fast successful requests logged at info anyway, to see traffic without a line each. */
  LOG_REQUEST_SAMPLE_RATE: z.coerce.number().min(0).max(1).default(0),
  HTTP_HOST: z.string().default('127.0.0.1'),
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /**
   * Which proxies may tell the client's address (X-Forwarded-For), as Express's "trust proxy":
   * `false` (none), a hop count, or proxies' addresses, subnets and the names `loopback`,
   * `linklocal`, `uniquelocal`, comma-separated. Unset: none in production (a forwarded header would
   * let any client choose the address the per-IP limits count), `loopback` elsewhere.
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .refine(
      (value) => value === undefined || trustProxySetting(value) !== undefined,
      'must be false, a hop count, or comma-separated proxy addresses, subnets or loopback/linklocal/uniquelocal',
    ),
  /**
   * How many api processes `start:api` runs (node:cluster, one port). Production: the cores the
   * api may use. Each has its own DATABASE_POOL_SIZE connections and in-process caches.
   */
  API_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  /**
   * Requests each api process sends itself at least before it listens (apps/api/src/warm-up.ts:
   * the documents of the bench's mix, through the whole stack, on rate-limit counters of their
   * own); after them it goes on, with the writes rehearsed again between batches, until its CPU
   * per request stops falling (V8 has compiled the hot paths), at most five times this many; 0:
   * only the database pool is opened and the writes rehearsed once. With 400, then 2,000 stopped
   * at 4 s, the first 40 s of the bench's mix after /ready still cost the api 0.5-0.9 ms of CPU per
   * request more than later ones (bench/README.md, sessions 15 and 16).
   */
  API_WARM_UP_REQUESTS: z.coerce.number().int().min(0).max(10_000).default(2_000),
  /** The bound on the warm-up (a crowded machine's JIT never looks settled), whatever the work done. */
  API_WARM_UP_MAX_MS: z.coerce.number().int().min(0).max(120_000).default(12_000),

  DATABASE_URL: z.string().url(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * A streaming replica of DATABASE_URL for reads that tolerate lag (catalogue, live indicators);
   * it has its own pool of DATABASE_POOL_SIZE. Not used while its replay lags more than
   * DATABASE_REPLICA_MAX_LAG_SECONDS, stops streaming or does not answer: the primary reads then.
   */
  DATABASE_REPLICA_URL: optionalUrl,
  DATABASE_REPLICA_MAX_LAG_SECONDS: z.coerce.number().min(0).max(86400).default(30),
  REDIS_URL: optionalUrl,
  // Redis Sentinel: the sentinels (host:port, comma-separated) and the name of the monitored
  // primary. REDIS_URL still gives the password and database; its host is then not used.
  REDIS_SENTINELS: z
    .string()
    .regex(/^[^,:\s]+:\d+(,[^,:\s]+:\d+)*$/, 'must be host:port[,host:port...]')
    .optional(),
  REDIS_SENTINEL_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default('mymaster'),
  // Redis Cluster: seed nodes (host:port, comma-separated); ioredis learns the rest. REDIS_URL
  // then gives only the user and password.
  REDIS_CLUSTER_NODES: z
    .string()
    .regex(/^[^,:\s]+:\d+(,[^,:\s]+:\d+)*$/, 'must be host:port[,host:port...]')
    .optional(),
  QUEUE_BACKEND: z.enum(['redis', 'postgres']).optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .default('prossimo'),

  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(900),
  /**
   * How long an access token's session check is reused in memory (ms; 0: check every request).
   * Unset: 5000 in production, 0 elsewhere. Bounds how late another process sees a revocation.
   */
  SESSION_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /**
   * The web app's refresh cookie is Secure when this is true; unset, when the request came over
   * https (behind a proxy: TRUST_PROXY and X-Forwarded-Proto). false only for plain-http hosts.
   */
  SESSION_COOKIE_SECURE: booleanString.optional(),
  /** The built web app (npm run build:web); unset: dist/web beside the api. */
  WEB_APP_DIR: z.string().optional(),
  OTP_HMAC_SECRET: z.string().min(32, 'must be at least 32 characters'),
  FIELD_ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64 (openssl rand -base64 32)'),

  PHONE_ALLOWED_COUNTRY_CODES: z
    .string()
    .default('39')
    .transform((value) => value.split(',').map((code) => code.trim().replace(/^\+/, '')))
    .pipe(z.array(z.string().regex(/^\d{1,3}$/)).min(1)),
  PHONE_DEFAULT_COUNTRY: z.string().length(2).default('IT'),
  OTP_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(600),
  OTP_MAX_CHECKS: z.coerce.number().int().min(1).max(20).default(5),
  OTP_RESEND_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  OTP_MAX_SENDS_PER_15_MIN: z.coerce.number().int().min(1).default(3),
  OTP_MAX_SENDS_PER_DAY: z.coerce.number().int().min(1).default(10),
  OTP_MAX_SENDS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(20),
  // How long an invitation to join an organisation waits for that phone to sign up.
  ORGANISATION_INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  // Invitations sent in 24 hours (each may be an SMS): per organisation once accredited somewhere,
  // per organisation and per inviting account (over all its organisations) before that, and per
  // inviting account in all.
  ORGANISATION_INVITES_PER_DAY: z.coerce.number().int().min(1).max(10_000).default(30),
  ORGANISATION_INVITES_PER_DAY_UNACCREDITED: z.coerce.number().int().min(1).max(10_000).default(3),
  ORGANISATION_INVITES_PER_ACCOUNT_PER_DAY: z.coerce.number().int().min(1).max(10_000).default(30),

  /** Where local files live (embedded database, development SMS and e-mail files, secrets). */
  PROSSIMO_DATA_DIR: z.string().min(1).default('.data'),

  SMS_CHANNEL: z.enum(['file', 'http']).default('file'),
  // Unset: sms-outbox.log in PROSSIMO_DATA_DIR.
  SMS_FILE_PATH: z.string().optional(),
  SMS_HTTP_URL: optionalUrl,
  SMS_HTTP_USERNAME: z.string().optional(),
  SMS_HTTP_PASSWORD: z.string().optional(),
  SMS_HTTP_SENDER: z.string().max(11).default('Prossimo'),
  SMS_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(5000),
  // The provider's status lookup by idempotency key (GET <url>/<key>: 200 {id} if it has the
  // message, 404 if not). Without it, a send that may have reached the provider is never retried.
  SMS_HTTP_STATUS_URL: optionalUrl,
  SMS_FALLBACK_HTTP_URL: optionalUrl,
  SMS_FALLBACK_HTTP_USERNAME: z.string().optional(),
  SMS_FALLBACK_HTTP_PASSWORD: z.string().optional(),
  SMS_FALLBACK_HTTP_STATUS_URL: optionalUrl,
  SMS_BREAKER_FAILURE_THRESHOLD: z.coerce.number().int().min(1).max(1000).default(5),
  SMS_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(100).max(3600000).default(30000),
  SMS_WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),

  // E-mail: SMTP when SMTP_URL is set (smtp://user:pass@host:587, smtps:// for implicit TLS),
  // otherwise each message is written to EMAIL_FILE_PATH (development).
  SMTP_URL: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined))
    .pipe(
      z
        .string()
        .regex(/^smtps?:\/\/[^\s]+$/, 'must be smtp://… or smtps://…')
        .optional(),
    ),
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(10000),
  EMAIL_FROM: z.string().min(3).default('Prossimo <no-reply@prossimo.invalid>'),
  // Unset: email-outbox.log in PROSSIMO_DATA_DIR.
  EMAIL_FILE_PATH: z.string().optional(),

  // App IO (issue 20): `file` writes each message to IO_FILE_PATH (development: everyone with a
  // codice fiscale is taken to be on IO); `http` calls IO's Services API with IO_API_KEY.
  IO_CHANNEL: z.enum(['file', 'http']).default('file'),
  IO_API_URL: z
    .string()
    .url()
    .default('https://api.io.pagopa.it/api/v1')
    .transform((value) => value.replace(/\/$/, '')),
  /** The service's subscription key (Ocp-Apim-Subscription-Key), from IO's back office. */
  IO_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  IO_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(5000),
  // IO allows 150 requests per 5 s per API key: BullMQ's limiter on the `io` queue keeps under it.
  IO_RATE_LIMIT_MAX: z.coerce.number().int().min(1).max(10000).default(150),
  IO_RATE_LIMIT_DURATION_MS: z.coerce.number().int().min(100).max(600000).default(5000),
  // How long after a message is accepted its delivery status is read from IO.
  IO_STATUS_DELAY_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
  // Unset: io-outbox.log in PROSSIMO_DATA_DIR.
  IO_FILE_PATH: z.string().optional(),

  OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60000).default(500),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  // After a pass that emptied the outbox, the relay starts the next one at most this often: rows
  // committed meanwhile go in one pass (one transaction, one addBulk) instead of one pass each.
  OUTBOX_RELAY_GATHER_MS: z.coerce.number().int().min(0).max(1000).default(10),
  // Whether the worker also runs the outbox relay. 'false' where the relay runs in a process of its
  // own (apps/relay: npm start, infra/), so that the delivery workers spend no CPU on queue inserts.
  OUTBOX_RELAY_IN_WORKER: booleanString.default('true'),
  JOB_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  JOB_BACKOFF_MS: z.coerce.number().int().min(10).max(600000).default(2000),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
  // A killed worker's jobs are taken over once their lock expires (lockDuration) at the next
  // stalled-job check (stalledInterval): within about their sum.
  JOB_LOCK_DURATION_MS: z.coerce.number().int().min(1000).max(600000).default(6000),
  JOB_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).max(600000).default(3000),
  // How often each worker checks the queue's data-loss marker and the schedules, and how often
  // one of them re-enqueues outbox work whose job the queue no longer holds.
  QUEUE_WATCH_INTERVAL_MS: z.coerce.number().int().min(100).max(600000).default(5000),
  QUEUE_RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86400).default(300),

  // Matching: how many helpers are asked at once, how long they have to answer, and the time a
  // driver needs before and after a ride.
  MATCHING_PROPOSALS_PER_NEED: z.coerce.number().int().min(1).max(50).default(3),
  MATCHING_PROPOSAL_TTL_SECONDS: z.coerce.number().int().min(1).max(604800).default(3600),
  MATCHING_RIDE_BUFFER_MINUTES: z.coerce.number().int().min(0).max(240).default(30),
  // A helper may start an engagement from this long before its slot (not days before), and log at
  // most the slot's length plus this margin (a ride that ran late).
  ENGAGEMENT_START_LEAD_MINUTES: z.coerce.number().int().min(0).max(1440).default(120),
  ENGAGEMENT_HOURS_MARGIN_MINUTES: z.coerce.number().int().min(0).max(720).default(60),
  // How often the sweep looks again at open needs nobody is proposed for, and how far (km added
  // to the need's own distance limit, in steps) the search widens before the operator is told.
  MATCHING_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86400).default(900),
  // Batch assignment on a schedule, for territories that opt in: when (a cron pattern, Rome time;
  // by default every evening at 18:00) and for how many days from the next midnight.
  MATCHING_BATCH_SCHEDULE: z
    .string()
    .default('0 18 * * *')
    .refine(
      (pattern) => /^[0-9*/,-]+( [0-9*/,-]+){4,5}$/.test(pattern.trim()),
      'must be a cron pattern of 5 fields (or 6, with seconds first)',
    ),
  MATCHING_BATCH_SCHEDULE_DAYS: z.coerce.number().int().min(1).max(7).default(1),
  MATCHING_RADIUS_STEPS_KM: z
    .string()
    .default('5,10')
    .transform((value) =>
      value
        .split(',')
        .map((step) => step.trim())
        .filter(Boolean)
        .map(Number),
    )
    // One check on the whole list, so that the error names the variable, not an element of it.
    .refine(
      (steps) =>
        steps.length <= 10 &&
        steps.every(
          (step, i) => Number.isInteger(step) && step >= 1 && step <= 100 && (i === 0 || step > steps[i - 1]),
        ),
      'must be up to 10 increasing whole kilometres between 1 and 100, comma-separated',
    ),
  // Shared caregiver groups: households at most this far apart (same building or street), whose
  // weekly times have at least this much in common, at most this many per carer.
  CARE_GROUP_MAX_DISTANCE_METERS: z.coerce.number().int().min(1).max(5000).default(500),
  CARE_GROUP_MIN_SHARED_MINUTES: z.coerce.number().int().min(30).max(10080).default(240),
  CARE_GROUP_MAX_HOUSEHOLDS: z.coerce.number().int().min(2).max(12).default(4),

  // Targeted calls to action: how many fitting volunteers one call notifies at most, and how many
  // calls may reach one volunteer in 7 days (the rest are not told; the call stays listed).
  CALL_NOTIFY_MAX_PER_CALL: z.coerce.number().int().min(1).max(100000).default(200),
  CALL_NOTIFY_MAX_PER_VOLUNTEER_PER_WEEK: z.coerce.number().int().min(0).max(50).default(2),
  // Messages between the parties of an engagement: how many days after completion they may still
  // write, and how many messages one sender may send in an hour (against abuse).
  ENGAGEMENT_MESSAGES_DAYS_AFTER_COMPLETION: z.coerce.number().int().min(0).max(90).default(7),
  ENGAGEMENT_MESSAGES_PER_SENDER_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(20),

  // Reviews: how long after completion each side may review, how long a review stays editable,
  // from how many reviews an average is shown publicly, and the Bayesian prior (mean stars and
  // how many reviews it is worth) that pulls subjects with few reviews towards the usual level.
  REVIEW_WINDOW_DAYS: z.coerce.number().int().min(1).max(99).default(14),
  REVIEW_EDIT_HOURS: z.coerce.number().int().min(0).max(720).default(48),
  REVIEW_MIN_PUBLIC_COUNT: z.coerce.number().int().min(1).max(100).default(3),
  REVIEW_REMINDER_DELAY_SECONDS: z.coerce.number().int().min(1).max(2592000).default(259200),
  REPUTATION_PRIOR_MEAN: z.coerce.number().min(1).max(5).default(4),
  REPUTATION_PRIOR_WEIGHT: z.coerce.number().min(0).max(1000).default(5),

  // Privacy: how long a data export can be downloaded, and how long records are kept.
  DATA_EXPORT_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(72),
  SENSITIVE_NOTES_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  OTP_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  SESSION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  NOTIFICATION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  PURGE_EVERY_MINUTES: z.coerce.number().int().min(1).max(10080).default(60),

  // Indicator snapshots of ambiti and the platform: how often the maintenance job recomputes them,
  // and how many calendar years back from the current one (1: the current year only).
  INDICATOR_SNAPSHOT_EVERY_MINUTES: z.coerce.number().int().min(1).max(10080).default(60),
  INDICATOR_SNAPSHOT_YEARS: z.coerce.number().int().min(1).max(5).default(2),
  /**
   * Connections of the worker's pool the incremental refresh recomputes stored results on at once
   * (PostgreSQL does the work: up to its cores). At most DATABASE_POOL_SIZE - 1 are used, so one
   * is left to the worker's other jobs.
   */
  INDICATOR_REFRESH_CONNECTIONS: z.coerce.number().int().min(1).max(16).default(2),

  GRAPHQL_PLAYGROUND: booleanString.optional(),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(8),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).max(1000000).default(1000),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(10),
  /** Tokens a document may have: the parser stops there, before a huge document costs CPU. */
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(3000),
  HTTP_BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/)
    .default('100kb'),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600000).default(30000),
  /**
   * How long an idle keep-alive connection stays open. Longer than a proxy's or client's own idle
   * time (nginx and most load balancers: 60 s), so the api never closes a connection just as the
   * other side reuses it (that race answers the request with a reset).
   */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600000).default(65000),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_SENSITIVE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** GraphQL requests per minute from one address without a valid access token (every request counts). */
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  SEED_DEMO_DATA: booleanString.default('false'),

  // SPID and CIE sign-in (OpenID Connect Federation, docs/identity.md, "SPID and CIE"). Off while
  // OIDC_RP_ENTITY_ID is unset.
  /** This deployment's entity id in the federation: its public origin, e.g. https://prossimo.comune.it. */
  OIDC_RP_ENTITY_ID: optionalUrl,
  OIDC_RP_ORGANIZATION_NAME: z.string().min(1).default('Prossimo'),
  /** Contacts published in the entity configuration (e-mail addresses, comma-separated). */
  OIDC_RP_CONTACTS: commaList,
  /**
   * Private JWK Sets (JSON) of the relying party: the federation keys sign the entity
   * configuration, the other set signs request objects and client assertions ("use": "sig") and
   * decrypts userinfo ("use": "enc"). All keys are published; the first of each use signs, so a
   * new key is added second, published for a while, then moved first (rotation without downtime).
   */
  OIDC_RP_FEDERATION_JWKS: z.string().optional(),
  OIDC_RP_JWKS: z.string().optional(),
  /** The superiors named in the entity configuration; unset: the trust anchor. */
  OIDC_RP_AUTHORITY_HINTS: commaList,
  /** Trust marks issued to this relying party at registration: a JSON array of {id, trust_mark}. */
  OIDC_RP_TRUST_MARKS: z.string().optional(),
  /** Seconds an entity configuration is valid for (its exp). */
  OIDC_ENTITY_CONFIGURATION_TTL_SECONDS: z.coerce.number().int().min(60).max(31_536_000).default(86_400),
  /** The trust anchor every provider's chain must reach, and its public JWK Set (JSON), pinned. */
  OIDC_TRUST_ANCHOR: optionalUrl,
  OIDC_TRUST_ANCHOR_JWKS: z.string().optional(),
  /** SPID identity providers offered (entity ids, comma-separated) and the CIE provider. */
  OIDC_SPID_PROVIDERS: commaList,
  OIDC_CIE_PROVIDER: optionalUrl,
  OIDC_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** Seconds a person has to come back from the provider. */
  OIDC_AUTHORIZATION_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(600),
  /** http:// entity ids (loopback development providers only); never in production. */
  OIDC_ALLOW_HTTP: booleanString.default('false'),
  /**
   * Staff operations on health data, erasure and accreditation need a session signed in with SPID
   * level 2 or above or CIE. Unset: on in production, off elsewhere.
   */
  STAFF_STEP_UP: booleanString.optional(),
});

export type AppConfig = Omit<
  z.infer<typeof configSchema>,
  'QUEUE_BACKEND' | 'TRUST_PROXY' | 'SMS_FILE_PATH' | 'EMAIL_FILE_PATH' | 'IO_FILE_PATH'
> & {
  IO_FILE_PATH: string;
  QUEUE_BACKEND: 'redis' | 'postgres';
  /** Express "trust proxy": false (trust no forwarded header), a hop count, or proxy addresses. */
  TRUST_PROXY: TrustProxy;
  SMS_FILE_PATH: string;
  EMAIL_FILE_PATH: string;
};

export type TrustProxy = false | number | string[];

const TRUSTED_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (TRUSTED_RANGE_NAMES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  const prefix = /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
  return prefix >= 0 && prefix <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY as Express takes it, or undefined when it is not a valid setting. `true` (trust every
 * hop) is refused on purpose: it lets any client choose its address.
 */
export function trustProxySetting(value: string): TrustProxy | undefined {
  if (value === 'false') return false;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  return entries.every(isProxyAddress) ? entries : undefined;
}

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError whose message is one line per bad variable. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const variable = issue.path.join('.') || '(environment)';
      const value = env[variable];
      const problem = value === undefined || value === '' ? 'is missing' : `is invalid: ${issue.message}`;
      return `Configuration error: ${variable} ${problem} (see .env.example)`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  const parsed = result.data;
  // Redis when configured, otherwise BullMQ's PostgreSQL backend on the same database.
  const queueBackend = parsed.QUEUE_BACKEND ?? (parsed.REDIS_URL ? 'redis' : 'postgres');
  if (queueBackend === 'redis' && !parsed.REDIS_URL) {
    throw new ConfigError('Configuration error: REDIS_URL is missing (QUEUE_BACKEND=redis needs it)');
  }
  if (parsed.REDIS_CLUSTER_NODES && parsed.REDIS_SENTINELS) {
    throw new ConfigError(
      'Configuration error: REDIS_CLUSTER_NODES and REDIS_SENTINELS are both set (a Redis Cluster or Sentinel, not both)',
    );
  }
  if (parsed.IO_CHANNEL === 'http' && !parsed.IO_API_KEY) {
    throw new ConfigError('Configuration error: IO_API_KEY is missing (IO_CHANNEL=http needs it)');
  }
  if (parsed.SMS_CHANNEL === 'http' && !parsed.SMS_HTTP_URL) {
    throw new ConfigError('Configuration error: SMS_HTTP_URL is missing (SMS_CHANNEL=http needs it)');
  }
  if (parsed.OIDC_RP_ENTITY_ID) {
    const missing = (
      ['OIDC_RP_FEDERATION_JWKS', 'OIDC_RP_JWKS', 'OIDC_TRUST_ANCHOR', 'OIDC_TRUST_ANCHOR_JWKS'] as const
    ).filter((key) => !parsed[key]);
    if (missing.length)
      throw new ConfigError(
        `Configuration error: ${missing.join(', ')} missing (OIDC_RP_ENTITY_ID needs them)`,
      );
    if (parsed.NODE_ENV === 'production' && parsed.OIDC_ALLOW_HTTP)
      throw new ConfigError('Configuration error: OIDC_ALLOW_HTTP is invalid: never in production');
  }
  const trustProxy =
    parsed.TRUST_PROXY === undefined
      ? parsed.NODE_ENV === 'production'
        ? false
        : ['loopback']
      : (trustProxySetting(parsed.TRUST_PROXY) as TrustProxy);
  return {
    ...parsed,
    QUEUE_BACKEND: queueBackend,
    TRUST_PROXY: trustProxy,
    SMS_FILE_PATH: parsed.SMS_FILE_PATH || join(parsed.PROSSIMO_DATA_DIR, 'sms-outbox.log'),
    EMAIL_FILE_PATH: parsed.EMAIL_FILE_PATH || join(parsed.PROSSIMO_DATA_DIR, 'email-outbox.log'),
    IO_FILE_PATH: parsed.IO_FILE_PATH || join(parsed.PROSSIMO_DATA_DIR, 'io-outbox.log'),
  };
}
