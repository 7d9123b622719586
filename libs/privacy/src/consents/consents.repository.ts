import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PrivacyNotices } from '@prossimo/identity';
import { consentsOf, firstRow, hasLiveConsent, Queryable } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { Consent, PrivacyNotice } from '../privacy.types';

/**
 * The privacy notices (privacy's table), and the person's consents through platform's consent
 * functions (platform owns the consents table: its helpers write it for every library).
 */
@Injectable()
export class ConsentsRepository implements PrivacyNotices {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The newest published notice, in the language asked for, else in Italian. */
  async findCurrentNotice(language: string): Promise<PrivacyNotice | undefined> {
    return firstRow(
      this.dataSource,
      `SELECT version, language, title, body, published_at AS "publishedAt" FROM privacy_notices
        WHERE published_at <= now() AND language IN ($1, 'it')
        ORDER BY published_at DESC, (language = $1) DESC LIMIT 1`,
      [language],
    );
  }

  /** Identity's PRIVACY_NOTICES port: the version check at sign-in (its own statement). */
  isPublished(version: string): Promise<boolean> {
    return this.isPublishedNotice(this.dataSource, version);
  }

  async isPublishedNotice(db: Queryable, version: string): Promise<boolean> {
    const known: unknown[] = await db.query(
      `SELECT 1 FROM privacy_notices WHERE version = $1 AND published_at <= now() LIMIT 1`,
      [version],
    );
    return known.length > 0;
  }

  /** The person's consents, oldest first. */
  async findConsentsOf(db: Queryable, userId: string): Promise<Consent[]> {
    return consentsOf(db, userId) as Promise<Consent[]>;
  }

  async hasLiveFamilyContactConsent(db: Queryable, userId: string): Promise<boolean> {
    return hasLiveConsent(db, userId, 'family_contact');
  }
}
