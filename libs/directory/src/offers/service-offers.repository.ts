import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { firstRow, firstValue, onlyRow, Queryable } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { ServiceOfferStatus } from '../directory.types';
import { OFFER_COLUMNS, OfferRow } from './service-offer-rows';

/** The columns an organisation writes, in the order of the values the service gives. */
const WRITABLE_COLUMNS = `title, category, target_groups, description, area_comuni, radius_km, comune_istat, lat, lon,
  schedule, capacity, accessibility_notes, languages, price_model, price_unit, price_cents, price_bands,
  min_cents_per_hour, vouchers_accepted, vehicle_seats, wheelchair_transport`;

/** How many values WRITABLE_COLUMNS takes. */
const WRITABLE_COLUMN_COUNT = 21;

function writablePlaceholders(from: number): string {
  return Array.from({ length: WRITABLE_COLUMN_COUNT }, (_, i) => `$${from + i}`).join(', ');
}

/** The service_offers table (the single-offer reads and the writes; the catalogue's pages are ServiceOfferQueries'). */
@Injectable()
export class ServiceOffersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async organisationExists(db: Queryable, organisationId: string): Promise<boolean> {
    const organisation = await firstRow<unknown>(db, `SELECT 1 FROM organisations WHERE id = $1`, [
      organisationId,
    ]);
    return !!organisation;
  }

  /** Inserts the offer with its writable values (WRITABLE_COLUMNS' order) and answers its id. */
  async insertOffer(
    db: Queryable,
    organisationId: string,
    createdByUserId: string,
    writableValues: unknown[],
  ): Promise<string> {
    const row = await onlyRow<{ id: string }>(
      db,
      `INSERT INTO service_offers (organisation_id, created_by_user_id, ${WRITABLE_COLUMNS})
         VALUES ($1, $2, ${writablePlaceholders(3)}) RETURNING id`,
      [organisationId, createdByUserId, ...writableValues],
    );
    return row.id;
  }

  /** Replaces the offer's writable values (WRITABLE_COLUMNS' order). */
  async updateOffer(db: Queryable, id: string, writableValues: unknown[]): Promise<void> {
    await db.query(
      `UPDATE service_offers SET (${WRITABLE_COLUMNS}) = (${writablePlaceholders(2)}), updated_at = now()
          WHERE id = $1`,
      [id, ...writableValues],
    );
  }

  async archiveOffer(db: Queryable, id: string): Promise<void> {
    await db.query(`UPDATE service_offers SET status = 'archived', updated_at = now() WHERE id = $1`, [id]);
  }

  async updateStatus(db: Queryable, id: string, status: ServiceOfferStatus): Promise<void> {
    await db.query(`UPDATE service_offers SET status = $2, updated_at = now() WHERE id = $1`, [id, status]);
  }

  /** Locks the offer (FOR UPDATE) and answers its organisation; undefined if there is no such offer. */
  lockOfferOrganisation(db: Queryable, id: string): Promise<string | undefined> {
    return firstValue<string>(
      db,
      `SELECT organisation_id AS "organisationId" FROM service_offers WHERE id = $1 FOR UPDATE`,
      [id],
    );
  }

  /** The offer, with its moderation status (moderation_items: moderation). */
  findOfferRow(db: Queryable, id: string): Promise<OfferRow | undefined> {
    return firstRow<OfferRow>(db, `SELECT ${OFFER_COLUMNS} FROM service_offers o WHERE o.id = $1`, [id]);
  }

  /** Whether the offer is in the public catalogue, by the catalogue's condition on alias `o`. */
  async isOfferPublic(id: string, publicCondition: string): Promise<boolean> {
    const visible = await firstRow<unknown>(
      this.dataSource,
      `SELECT 1 FROM service_offers o WHERE o.id = $1 AND ${publicCondition}`,
      [id],
    );
    return !!visible;
  }
}
