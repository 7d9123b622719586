import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser } from '@prossimo/identity';
import { ContentType, ModerationService } from '@prossimo/moderation';
import { DomainError, JOBS, outboxJob, recordStatusChange, writeOutbox } from '@prossimo/platform';
import { comuneCentres, nearestComune } from '@prossimo/territory';
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
import {
  normaliseLanguages,
  NormalisedPrice,
  WeeklySlot,
  validatePrice,
  validateSchedule,
} from './offer-rules';
import { foundOfferRow, OfferRow, toOffer } from './service-offer-rows';
import { ServiceOffersRepository } from './service-offers.repository';

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
    private readonly offers: ServiceOffersRepository,
  ) {}

  async create(user: AuthenticatedUser, input: CreateServiceOfferInput): Promise<ServiceOffer> {
    this.access.requireOrganisationMember(user, input.organisationId);
    const checked = this.check(input);
    const id = await this.dataSource.transaction(async (manager) => {
      if (!(await this.offers.organisationExists(manager, input.organisationId)))
        throw new DomainError('ORGANISATION_NOT_FOUND', { field: 'organisationId' });
      const area = await this.resolveArea(manager, input.area);
      const id = await this.offers.insertOffer(
        manager,
        input.organisationId,
        user.userId,
        writableValues(checked, area),
      );
      await this.moderation.submit(manager, {
        contentType: ContentType.SERVICE_OFFER,
        contentId: id,
        comuneIstat: area.homeComune,
        authorUserId: user.userId,
        summary: input.title.trim(),
      });
      await recordStatusChange(manager, {
        entityType: SERVICE_OFFER_ENTITY,
        entityId: id,
        from: null,
        to: ServiceOfferStatus.ACTIVE,
        actorUserId: user.userId,
      });
      await this.askMatching(manager, id);
      return id;
    });
    return this.load(id);
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
      await this.offers.updateOffer(manager, input.id, writableValues(checked, area));
      await this.moderation.submit(manager, {
        contentType: ContentType.SERVICE_OFFER,
        contentId: input.id,
        comuneIstat: area.homeComune,
        authorUserId: user.userId,
        summary: input.title.trim(),
      });
      await this.askMatching(manager, input.id);
    });
    return this.load(input.id);
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
      await this.offers.archiveOffer(manager, input.id);
      await recordStatusChange(manager, {
        entityType: SERVICE_OFFER_ENTITY,
        entityId: input.id,
        from: current.status,
        to: ServiceOfferStatus.ARCHIVED,
        actorUserId: user.userId,
        reason: input.reason?.trim() || null,
      });
    });
    return this.load(input.id);
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
      await this.offers.updateStatus(manager, id, to);
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
    return this.load(id);
  }

  /** The offer as it is now (after the transaction that changed it). */
  private async load(id: string): Promise<ServiceOffer> {
    return toOffer(foundOfferRow(await this.offers.findOfferRow(this.dataSource.manager, id)));
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
      const rows = await comuneCentres(manager, codes);
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
    const nearest = await nearestComune(manager, area.centre.lat, area.centre.lon);
    if (!nearest || nearest.meters / 1000 > MAX_KM_FROM_A_COMUNE) {
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
    const organisationId = await this.offers.lockOfferOrganisation(manager, id);
    if (organisationId === undefined) throw new DomainError('SERVICE_OFFER_NOT_FOUND', { field: 'id' });
    this.access.requireOrganisationMember(user, organisationId);
    return foundOfferRow(await this.offers.findOfferRow(manager, id));
  }
}

/** The values of an offer in the order of the repository's writable columns. */
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
