import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, Role } from '@prossimo/identity';
import { decodeCursor, DomainError, mapPage, Page, toPage } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import {
  OrganisationServiceOffersArgs,
  SearchServiceOffersArgs,
  ServiceOffer,
  ServiceOfferOrder,
} from '../directory.types';
import { checkCursor } from '../paging/keyset';
import { foundOfferRow, OfferRow, toOffer } from './service-offer-rows';
import { SearchCursor, ServiceOfferSearchRepository } from './service-offer-search.repository';
import { ServiceOffersRepository } from './service-offers.repository';

/**
 * Reading offers: one offer, an organisation's list, and the public catalogue's search (its
 * statements are ServiceOfferSearchRepository's; the checks, the order and the paging are here).
 */
@Injectable()
export class ServiceOfferQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly offers: ServiceOffersRepository,
    private readonly searchRepository: ServiceOfferSearchRepository,
  ) {}

  /** What citizens see, or the organisation's own (and supervising staff) whatever its state. */
  async offer(user: AuthenticatedUser | null, id: string): Promise<ServiceOffer> {
    const offer = toOffer(foundOfferRow(await this.offers.findOfferRow(this.dataSource.manager, id)));
    if (user && (await this.canSeeUnpublished(user, offer))) return offer;
    if (!(await this.offers.isOfferPublic(id, this.searchRepository.publicCondition())))
      throw new DomainError('SERVICE_OFFER_NOT_FOUND', { field: 'id' });
    return offer;
  }

  async organisationOffers(
    user: AuthenticatedUser,
    args: OrganisationServiceOffersArgs,
  ): Promise<Page<ServiceOffer>> {
    this.access.requireOrganisationMember(user, args.organisationId);
    const order = ServiceOfferOrder.NEWEST;
    const cursor = checkedCursor(args.after, order);
    const rows = await this.searchRepository.organisationRows(
      args.organisationId,
      args.includeArchived,
      args.first,
      cursor,
    );
    return offerPage(rows, args.first, order);
  }

  /** The public catalogue: published offers of organisations accredited where the offer is. */
  async search(args: SearchServiceOffersArgs): Promise<Page<ServiceOffer>> {
    const filter = args.filter ?? {};
    const text = filter.text?.trim() || null;
    const order =
      args.order ??
      (filter.near
        ? ServiceOfferOrder.DISTANCE
        : text
          ? ServiceOfferOrder.RELEVANCE
          : ServiceOfferOrder.NEWEST);
    if (order === ServiceOfferOrder.DISTANCE && !filter.near) {
      throw new DomainError('SEARCH_DISTANCE_NEEDS_NEAR', { field: 'order' });
    }
    if (order === ServiceOfferOrder.RELEVANCE && !text) {
      throw new DomainError('SEARCH_RELEVANCE_NEEDS_TEXT', { field: 'order' });
    }
    const cursor = checkedCursor(args.after, order);
    const rows = await this.searchRepository.searchRows(filter, text, order, args.first, cursor);
    return offerPage(rows, args.first, order);
  }

  private async canSeeUnpublished(user: AuthenticatedUser, offer: ServiceOffer): Promise<boolean> {
    if (this.access.isPlatformAdmin(user)) return true;
    if (this.access.isOrganisationMember(user, offer.organisationId)) return true;
    try {
      await this.access.requireComuneRole(user, offer.comuneIstat, [
        Role.COMUNE_MODERATOR,
        Role.COMUNE_OPERATOR,
      ]);
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'FORBIDDEN') return false;
      throw error;
    }
  }
}

/**
 * The page cursor decoded and checked for the order: (created_at key, id) newest first, else (the
 * order's number: rating, distance key or relevance, id).
 */
function checkedCursor(after: string | undefined, order: ServiceOfferOrder): SearchCursor | undefined {
  const cursor = decodeCursor(after, 2);
  if (cursor) {
    checkCursor(cursor, [order === ServiceOfferOrder.NEWEST ? 'timestamp' : 'number', 'uuid']);
  }
  return cursor;
}

/** The page of offers from the rows read (`first` plus one), each cursor the key of the order. */
function offerPage(rows: OfferRow[], first: number, order: ServiceOfferOrder): Page<ServiceOffer> {
  const page = toPage(rows, first, (row) =>
    order === ServiceOfferOrder.RATING
      ? [row.rating as number, row.id]
      : order === ServiceOfferOrder.DISTANCE
        ? [row.nearestKey as number, row.id]
        : order === ServiceOfferOrder.RELEVANCE
          ? [row.relevance as number, row.id]
          : [row.createdAtKey, row.id],
  );
  return mapPage(page, toOffer);
}
