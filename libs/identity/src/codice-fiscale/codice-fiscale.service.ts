import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, DomainError, FieldCipher, hmacSha256 } from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import { validatePersonCodiceFiscale } from './codice-fiscale';
import { CodiceFiscaleRepository } from './codice-fiscale.repository';

/** The stored form of a codice fiscale: ciphertext to show it, HMAC to find and compare it. */
export interface SealedCodiceFiscale {
  encrypted: string;
  hmac: Buffer;
}

/**
 * A person's codice fiscale: validated, stored encrypted with an HMAC beside it (the ciphertext
 * has a random IV, so only the HMAC can enforce "one account per code"). Reads for staff go
 * through privacy, which checks their territory and audits them with the reason.
 */
@Injectable()
export class CodiceFiscaleService {
  constructor(
    private readonly cipher: FieldCipher,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: CodiceFiscaleRepository,
  ) {}

  /** Validates (FIELD_INVALID naming `field`) and seals a person's code. */
  seal(value: string, field: string): SealedCodiceFiscale {
    const result = validatePersonCodiceFiscale(value, field);
    if (!result.ok) throw new DomainError('FIELD_INVALID', { field });
    return { encrypted: this.cipher.encrypt(result.value), hmac: this.lookupHmac(result.value) };
  }

  /** The HMAC of a valid, normalised code (the OTP secret, in its own `cf:` domain). */
  lookupHmac(normalised: string): Buffer {
    return hmacSha256(this.config.OTP_HMAC_SECRET, `cf:${normalised}`);
  }

  open(encrypted: string | null): string | null {
    return encrypted === null ? null : this.cipher.decrypt(encrypted);
  }

  /** Sets (or with null removes) the person's own code. CODICE_FISCALE_TAKEN if another account has it. */
  async setForPerson(
    userId: string,
    value: string | null,
    field = 'input.codiceFiscale',
  ): Promise<string | null> {
    const sealed = value === null ? null : this.seal(value, field);
    try {
      await this.repository.setCodiceFiscale(userId, sealed);
    } catch (error) {
      if ((error as { code?: string }).code === '23505')
        throw new DomainError('CODICE_FISCALE_TAKEN', { field });
      throw error;
    }
    return this.readOwn(userId);
  }

  /** The person's own code, for them only (callers check who asks). */
  async readOwn(userId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    return this.open((await this.repository.findEncryptedCodiceFiscale(manager, userId)) ?? null);
  }

  /**
   * The account's encrypted code and status (undefined: no such account), in the caller's
   * transaction: privacy's staff read checks the territory and audits before it opens the code.
   */
  sealedWithStatus(
    manager: EntityManager,
    userId: string,
  ): Promise<{ codice_fiscale_encrypted: string | null; status: string } | undefined> {
    return this.repository.findSealedWithStatus(manager, userId);
  }
}
