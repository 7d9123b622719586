/** Embedded PostgreSQL: what the parts of the supervisor share. */

export const SUPERUSER = 'postgres';
export const DEDICATED_SYSTEM_USER = 'prossimo-pg';
export const SHARED_ROOT = '/var/lib/prossimo';
export const CREDENTIALS_FILE = 'prossimo-embedded.json';
export const READY_TIMEOUT_MS = 120_000;
export const STOP_TIMEOUT_MS = 30_000;
export const GRACE_AFTER_SIGNAL_MS = 15_000;
export const OUTPUT_LINES_KEPT = 60;

export interface RunAs {
  name: string;
  uid: number;
  gid: number;
}

export interface Binaries {
  /** The directory holding bin/, lib/, share/ (the platform package's native/ dir or a copy). */
  nativeDir: string;
  postgres: string;
  initdb: string;
  version: string;
}

export type Log = (line: string) => void;

/** Thrown when the port is taken; `port` lets the caller name its own setting in the message. */
export class EmbeddedPostgresPortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `Embedded PostgreSQL cannot start: port ${port} on 127.0.0.1 is already in use. ` +
        `Stop whatever uses it, configure another port for the embedded database, or set DATABASE_URL to use your own PostgreSQL.`,
    );
    this.name = 'EmbeddedPostgresPortInUseError';
  }
}
