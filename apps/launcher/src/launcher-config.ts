import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { EMBEDDED_POSTGRES_DEFAULT_PORT } from '@prossimo/platform/embedded';
import { newRsaJwk } from './dev-identity/keys';

/**
 * The launcher's own settings, read once. It prepares the environment of the api and worker:
 * with no DATABASE_URL it is the embedded default, where development secrets are generated once
 * and kept in .data/ so that sessions survive a restart.
 */
export interface LauncherSettings {
  dataDir: string;
  embedded: boolean;
  embeddedPostgresPort: number;
  debug: boolean;
  /** Where the embedded PostgreSQL binaries are copied when they cannot run in place. */
  cacheDir: string;
  childEnvironment: Record<string, string>;
}

export function readLauncherSettings(environment: NodeJS.ProcessEnv = process.env): LauncherSettings {
  const fileEnvironment = readDotEnv(resolve('.env'));
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...fileEnvironment, ...environment })) {
    if (value !== undefined) merged[key] = value;
  }
  const dataDir = resolve(merged.PROSSIMO_DATA_DIR ?? '.data');
  // The api and worker put their development files (SMS, e-mail) in the same folder.
  merged.PROSSIMO_DATA_DIR = dataDir;
  const embedded = !merged.DATABASE_URL;
  const portText = merged.EMBEDDED_POSTGRES_PORT ?? String(EMBEDDED_POSTGRES_DEFAULT_PORT);
  const embeddedPostgresPort = Number(portText);
  if (!Number.isInteger(embeddedPostgresPort) || embeddedPostgresPort < 1 || embeddedPostgresPort > 65535) {
    throw new Error(`Configuration error: EMBEDDED_POSTGRES_PORT is invalid: ${portText}`);
  }
  if (embedded) {
    const secrets = developmentSecrets(dataDir);
    for (const [key, value] of Object.entries(secrets)) merged[key] ??= value;
    merged.SMS_FILE_PATH ??= join(dataDir, 'sms-outbox.log');
    merged.EMAIL_FILE_PATH ??= join(dataDir, 'email-outbox.log');
    merged.NODE_ENV ??= 'development';
  }
  return {
    dataDir,
    embedded,
    embeddedPostgresPort,
    debug: /^(debug|trace)$/i.test(merged.LOG_LEVEL ?? ''),
    cacheDir: join(merged.XDG_CACHE_HOME || join(homedir(), '.cache'), 'prossimo'),
    childEnvironment: merged,
  };
}

function developmentSecrets(dataDir: string): Record<string, string> {
  const path = join(dataDir, 'dev-secrets.json');
  const stored = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
  const wanted: Record<string, () => string> = {
    JWT_SECRET: () => randomBytes(32).toString('hex'),
    OTP_HMAC_SECRET: () => randomBytes(32).toString('hex'),
    FIELD_ENCRYPTION_KEY: () => randomBytes(32).toString('base64'),
    // Signs the SMS gateway's webhooks (replies "SI <code>"); `npm run demo:tour` signs with it too.
    SMS_WEBHOOK_SECRET: () => randomBytes(32).toString('hex'),
    // The relying party's keys in the development SPID/CIE federation (docs/identity.md, SPID and CIE).
    OIDC_RP_FEDERATION_JWKS: () => JSON.stringify({ keys: [newRsaJwk('sig')] }),
    OIDC_RP_JWKS: () => JSON.stringify({ keys: [newRsaJwk('sig'), newRsaJwk('enc')] }),
  };
  const missing = Object.keys(wanted).filter((key) => !stored[key]);
  if (!missing.length) return stored;
  // Secrets already in use stay (sessions and encrypted fields depend on them); new ones are added.
  const secrets = { ...stored, ...Object.fromEntries(missing.map((key) => [key, wanted[key]()])) };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** A local .env, for development; real deployments set the environment. */
function readDotEnv(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  return Object.fromEntries(
    Object.entries(parseEnv(readFileSync(path, 'utf8'))).filter(
      (entry): entry is [string, string] => !!entry[1],
    ),
  );
}
