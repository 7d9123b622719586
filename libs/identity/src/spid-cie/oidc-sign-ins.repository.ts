import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { firstRow, Language, onlyRow, Queryable } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import type { SealedCodiceFiscale } from '../codice-fiscale/codice-fiscale.service';
import { AssuranceLevel, IdentityProviderKind } from './levels';

/** A sign-in sent to a provider, waiting for the person to come back. */
export interface PendingRequest {
  provider_kind: IdentityProviderKind;
  provider_entity_id: string;
  level: AssuranceLevel;
  nonce: string;
  code_verifier: string;
  link_user_id: string | null;
  return_path: string;
  language: Language;
  live: boolean;
}

/** A pending request to store: only the state's hash. */
export interface NewAuthorizationRequest {
  stateHash: Buffer;
  kind: IdentityProviderKind;
  providerEntityId: string;
  level: AssuranceLevel;
  nonce: string;
  codeVerifier: string;
  linkUserId: string | null;
  returnPath: string;
  language: Language;
  ttlSeconds: number;
}

/**
 * SPID/CIE sign-in: oidc_authorization_requests and the accounts a verified identity signs in to.
 * Methods that take `db` run in the sign-in's transaction.
 */
@Injectable()
export class OidcSignInsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Retention: sign-ins never finished, past their expiry; returns how many. */
  async deleteExpiredAuthorizationRequests(): Promise<number> {
    const [, deleted]: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM oidc_authorization_requests WHERE expires_at <= now()`,
      [],
    );
    return deleted;
  }

  async insertAuthorizationRequest(request: NewAuthorizationRequest): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO oidc_authorization_requests
         (state_hash, provider_kind, provider_entity_id, level, nonce, code_verifier, link_user_id,
          return_path, language, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now() + make_interval(secs => $10))`,
      [
        request.stateHash,
        request.kind,
        request.providerEntityId,
        request.level,
        request.nonce,
        request.codeVerifier,
        request.linkUserId,
        request.returnPath,
        request.language,
        request.ttlSeconds,
      ],
    );
  }

  /** Spends the pending request of this state (once: a replayed state finds nothing). */
  async takeAuthorizationRequest(stateHash: Buffer): Promise<PendingRequest | undefined> {
    // DELETE … RETURNING answers [rows, count] through TypeORM.
    const [[pending]]: [PendingRequest[], number] = await this.dataSource.query(
      `DELETE FROM oidc_authorization_requests WHERE state_hash = $1
           RETURNING provider_kind, provider_entity_id, level, nonce, code_verifier, link_user_id,
                     return_path, language, expires_at > now() AS live`,
      [stateHash],
    );
    return pending;
  }

  /** The account holding this codice fiscale, locked. */
  async lockHolderOfCodiceFiscale(
    db: Queryable,
    hmac: Buffer,
  ): Promise<{ id: string; status: string } | undefined> {
    return firstRow<{ id: string; status: string }>(
      db,
      `SELECT id, status FROM users WHERE codice_fiscale_hmac = $1 FOR UPDATE`,
      [hmac],
    );
  }

  /** The identity's name for an account that has none. */
  async fillDisplayName(db: Queryable, userId: string, displayName: string | null): Promise<void> {
    await db.query(
      `UPDATE users SET display_name = coalesce(display_name, $2), updated_at = now() WHERE id = $1`,
      [userId, displayName],
    );
  }

  /**
   * Gives the active, signed-in account the identity's code (and name, if it has none); undefined
   * when the account carries another code or is not active.
   */
  async linkCodiceFiscale(
    db: Queryable,
    userId: string,
    sealed: SealedCodiceFiscale,
    displayName: string | null,
  ): Promise<string | undefined> {
    const [[linked]]: [{ id: string }[], number] = await db.query(
      `UPDATE users SET codice_fiscale_encrypted = $2, codice_fiscale_hmac = $3,
                  display_name = coalesce(display_name, $4), updated_at = now()
            WHERE id = $1 AND status = 'active' AND codice_fiscale_hmac IS NULL
          RETURNING id`,
      [userId, sealed.encrypted, sealed.hmac, displayName],
    );
    return linked?.id;
  }

  /** A new account for the identity; answers its id. */
  async insertUser(
    db: Queryable,
    displayName: string | null,
    language: Language,
    sealed: SealedCodiceFiscale,
  ): Promise<string> {
    const user = await onlyRow<{ id: string }>(
      db,
      `INSERT INTO users (display_name, language, codice_fiscale_encrypted, codice_fiscale_hmac)
           VALUES ($1, $2, $3, $4) RETURNING id`,
      [displayName, language, sealed.encrypted, sealed.hmac],
    );
    return user.id;
  }
}
