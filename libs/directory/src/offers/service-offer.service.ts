import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser } from '@prossimo/identity';
import { ContentType, ModerationService } from '@prossimo/moderation';
import { DomainError, JOBS, outboxJob, recordStatusChange, writeOutbox } from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import {
  ArchiveServiceOfferInput,
  CreateServiceOfferInput,
  PauseServiceOfferInput,
  ServiceAreaInput,
  ServiceOffer,
  ServiceOfferInput,
  ServiceOfferStatus,
  ResumeServiceOfferInput,
  UpdateServiceOfferInput,
} from '../directory.types';
import { ORGANISATION_MEMBER_ROLES } from '../organisations/organisation.service';
import {
  normaliseLanguages,
  NormalisedPrice,
  WeeklySlot,
  validatePrice,
  validateSchedule,
} from './offer-rules';
import { loadOffer, loadOfferRow, OfferRow } from './service-offer-rows';

export const SERVICE_OFFER_ENTITY = 'service_offer';

/** A centre further than this from every Comune centre is not in Italy (the sea, or a typo). */
export const MAX_KM_FROM_A_COMUNE = 30;

interface ResolvedArea {
  comuni: string[] | null;
  radiusKm: number | null;
  homeComune: string;
  lat: number;
  lon: number;
}

interface CheckedOffer {
  input: ServiceOfferInput;
  schedule: WeeklySlot[];
  price: NormalisedPrice;
  languages: string[];
}
@Injectable()
export class ServiceOfferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly moderation: ModerationService,
  ) {}

  async create(user: AuthenticatedUser, input: CreateServiceOfferInput): Promise<ServiceOffer> {
    this.access.requireOrganisationRole(user, input.organisationId, ORGANISATION_MEMBER_ROLES);
    const checked = this.check(input);
    const id = await this.dataSource.transaction(async (manager) => {
      const [organisation]: unknown[] = await manager.query(`SELECT 1 FROM organisations WHERE id = $1`, [
        input.organisationId,
      ]);
      if (!organisation) throw new DomainError('ORGANISATION_NOT_FOUND', { field: 'organisationId' });
      const area = await this.resolveArea(manager, input.area);
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO service_offers (organisation_id, created_by_user_id, ${WRITABLE_COLUMNS})
         VALUES ($1, $2, ${writablePlaceholders(3)}) RETURNING id`,
        [input.organisationId, user.userId, ...writableValues(checked, area)],
      );
      await this.moderation.submit(manager, {
        contentType: ContentType.SERVICE_OFFER,
        contentId: row.id,
        comuneIstat: area.homeComune,
        authorUserId: user.userId,
        summary: input.title.trim(),
      });
      await recordStatusChange(manager, {
        entityType: SERVICE_OFFER_ENTITY,
        entityId: row.id,
        from: null,
        to: ServiceOfferStatus.ACTIVE,
        actorUserId: user.userId,
      });
      await this.askMatching(manager, row.id);
      return row.id;
    });
    return loadOffer(this.dataSource.manager, id);
  }

  /** Replaces the offer's content; it goes back to the moderators (and out of sight under pre-moderation). */
  async update(user: AuthenticatedUser, input: UpdateServiceOfferInput): Promise<ServiceOffer> {
    const checked = this.check(input);
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lockForMember(manager, user, input.id);
      if (current.status === ServiceOfferStatus.ARCHIVED) {
        throw new DomainError('SERVICE_OFFER_ARCHIVED', { field: 'id' });
      }
      const area = await this.resolveArea(manager, input.area);
      await manager.query(
        `UPDATE service_offers SET (${WRITABLE_COLUMNS}) = (${writablePlaceholders(2)}), updated_at = now()
          WHERE id = $1`,
        [input.id, ...writableValues(checked, area)],
      );
      await this.moderation.submit(manager, {
        contentType: ContentType.SERVICE_OFFER,
        contentId: input.id,
        comuneIstat: area.homeComune,
        authorUserId: user.userId,
        summary: input.title.trim(),
      });
      await this.askMatching(manager, input.id);
    });
    return loadOffer(this.dataSource.manager, input.id);
  }

  /** Open needs in the offer's area may now find an answer: matching looks again after commit. */
  private async askMatching(manager: EntityManager, serviceOfferId: string): Promise<void> {
    await writeOutbox(manager, outboxJob(JOBS.matchNearServiceOffer, { serviceOfferId }));
  }

  async archive(user: AuthenticatedUser, input: ArchiveServiceOfferInput): Promise<ServiceOffer> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lockForMember(manager, user, input.id);
      if (current.status === ServiceOfferStatus.ARCHIVED) {
        throw new DomainError('SERVICE_OFFER_ARCHIVED', { field: 'id' });
      }
      await manager.query(`UPDATE service_offers SET status = 'archived', updated_at = now() WHERE id = $1`, [
        input.id,
      ]);
      await recordStatusChange(manager, {
        entityType: SERVICE_OFFER_ENTITY,
        entityId: input.id,
        from: current.status,
        to: ServiceOfferStatus.ARCHIVED,
        actorUserId: user.userId,
        reason: input.reason?.trim() || null,
      });
    });
    return loadOffer(this.dataSource.manager, input.id);
  }

  /**
   * The organisation takes an active offer out of the catalogue and of matching for a while (the
   * content and its moderation stay as they are); engagements already agreed go on.
   */
  async pause(user: AuthenticatedUser, input: PauseServiceOfferInput): Promise<ServiceOffer> {
    return this.move(user, input.id, ServiceOfferStatus.ACTIVE, ServiceOfferStatus.PAUSED, input.reason);
  }

  /** Back in the catalogue (once published) and in matching: open needs nearby are looked at again. */
  async resume(user: AuthenticatedUser, input: ResumeServiceOfferInput): Promise<ServiceOffer> {
    return this.move(user, input.id, ServiceOfferStatus.PAUSED, ServiceOfferStatus.ACTIVE, null);
  }

  private async move(
    user: AuthenticatedUser,
    id: string,
    from: ServiceOfferStatus,
    to: ServiceOfferStatus,
    reason: string | null | undefined,
  ): Promise<ServiceOffer> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lockForMember(manager, user, id);
      if (current.status !== from) {
        throw new DomainError(
          to === ServiceOfferStatus.PAUSED ? 'SERVICE_OFFER_NOT_ACTIVE' : 'SERVICE_OFFER_NOT_PAUSED',
          { field: 'id', params: { status: current.status } },
        );
      }
      await manager.query(`UPDATE service_offers SET status = $2, updated_at = now() WHERE id = $1`, [
        id,
        to,
      ]);
      await recordStatusChange(manager, {
        entityType: SERVICE_OFFER_ENTITY,
        entityId: id,
        from,
        to,
        actorUserId: user.userId,
        reason: reason?.trim() || null,
      });
      if (to === ServiceOfferStatus.ACTIVE) await this.askMatching(manager, id);
    });
    return loadOffer(this.dataSource.manager, id);
  }

  private check(input: ServiceOfferInput): CheckedOffer {
    return {
      input,
      schedule: validateSchedule(input.schedule ?? []),
      price: validatePrice(input.price),
      languages: normaliseLanguages(input.languages ?? []),
    };
  }

  /** A list of Comuni (the first is home), or a circle whose home is the Comune nearest its centre. */
  private async resolveArea(manager: EntityManager, area: ServiceAreaInput): Promise<ResolvedArea> {
    const hasList = area.comuneIstatCodes !== undefined && area.comuneIstatCodes !== null;
    const hasCircle = !!area.centre || (area.radiusKm !== undefined && area.radiusKm !== null);
    if (hasList && hasCircle) throw new DomainError('AREA_AMBIGUOUS', { field: 'area' });
    if (hasList) {
      const codes = [...new Set(area.comuneIstatCodes)];
      const rows: { istat: string; lat: number; lon: number }[] = await manager.query(
        `SELECT istat::text, lat, lon FROM comuni WHERE istat = ANY($1::char(6)[])`,
        [codes],
      );
      if (rows.length !== codes.length) {
        throw new DomainError('COMUNE_NOT_FOUND', { field: 'area.comuneIstatCodes' });
      }
      const home = rows.find((row) => row.istat === codes[0]) as { lat: number; lon: number };
      return { comuni: codes, radiusKm: null, homeComune: codes[0], lat: home.lat, lon: home.lon };
    }
    if (!area.centre) throw new DomainError('FIELD_REQUIRED', { field: 'area.comuneIstatCodes' });
    if (area.radiusKm === undefined || area.radiusKm === null) {
      throw new DomainError('FIELD_REQUIRED', { field: 'area.radiusKm' });
    }
    const [nearest]: { istat: string; km: number }[] = await manager.query(
      `SELECT istat::text, earth_distance(ll_to_earth(lat, lon), ll_to_earth($1, $2)) / 1000 AS km
         FROM comuni ORDER BY ll_to_earth(lat, lon) <-> ll_to_earth($1, $2) LIMIT 1`,
      [area.centre.lat, area.centre.lon],
    );
    if (!nearest || nearest.km > MAX_KM_FROM_A_COMUNE) {
      throw new DomainError('AREA_OUTSIDE_ITALY', { field: 'area.centre' });
    }
    return {
      comuni: null,
      radiusKm: area.radiusKm,
      homeComune: nearest.istat,
      lat: area.centre.lat,
      lon: area.centre.lon,
    };
  }

  private async lockForMember(
    manager: EntityManager,
    user: AuthenticatedUser,
    id: string,
  ): Promise<OfferRow> {
    const [row]: { organisationId: string }[] = await manager.query(
      `SELECT organisation_id AS "organisationId" FROM service_offers WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw new DomainError('SERVICE_OFFER_NOT_FOUND', { field: 'id' });
    this.access.requireOrganisationRole(user, row.organisationId, ORGANISATION_MEMBER_ROLES);
    return loadOfferRow(manager, id);
  }
}

const WRITABLE_COLUMNS = `title, category, target_groups, description, area_comuni, radius_km, comune_istat, lat, lon,
  schedule, capacity, accessibility_notes, languages, price_model, price_unit, price_cents, price_bands,
  min_cents_per_hour, vouchers_accepted, vehicle_seats, wheelchair_transport`;

function writablePlaceholders(from: number): string {
  return Array.from({ length: 21 }, (_, i) => `$${from + i}`).join(', ');
}

function writableValues(checked: CheckedOffer, area: ResolvedArea): unknown[] {
  const { input, price } = checked;
  return [
    input.title.trim(),
    input.category,
    [...new Set(input.targetGroups ?? [])],
    input.description.trim(),
    area.comuni,
    area.radiusKm,
    area.homeComune,
    area.lat,
    area.lon,
    JSON.stringify(checked.schedule),
    input.capacity ?? null,
    input.accessibilityNotes?.trim() || null,
    checked.languages,
    price.model,
    price.unit,
    price.amountCents,
    price.bands ? JSON.stringify(price.bands) : null,
    price.minCentsPerHour,
    price.vouchersAccepted,
    input.vehicle?.seats ?? null,
    input.vehicle?.wheelchairAccessible ?? false,
  ];
}
