import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthenticatedUser, PhoneVerificationService, Role } from '@prossimo/identity';
import { BlindIndex, DomainError, FieldCipher, Queryable, writeAudit } from '@prossimo/platform';
import { firstTerritoryOf } from '@prossimo/territory';
import { DataSource } from 'typeorm';
import { DeskPeopleRepository, DeskPersonRow } from './desk-people.repository';
import { personInScopeCondition } from './desk-people.scope';
import { DeskPeopleArgs, DeskPerson } from './desk-people.types';
import { BeneficiaryKind, NeedCategory, NeedStatus } from '../requests.types';

/** Searches one operator may make in the window, whatever their token or address (counted from the audit log). */
export const DESK_SEARCHES_PER_WINDOW = 30;
export const DESK_SEARCH_WINDOW_MINUTES = 10;
const MAX_RESULTS = 20;

/**
 * The desk's "find a person": by the whole phone or whole words of the name, through the blind
 * index (names and phones are encrypted). Operators of the territory only, a limited number of
 * searches each, and every search and every read of a person in the audit log.
 */
@Injectable()
export class DeskPeopleService {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly blindIndex: BlindIndex,
    private readonly access: AccessService,
    private readonly phones: PhoneVerificationService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: DeskPeopleRepository,
  ) {}

  async search(user: AuthenticatedUser, args: DeskPeopleArgs): Promise<DeskPerson[]> {
    this.access.requireRole(user, [Role.COMUNE_OPERATOR]);
    this.access.requireTerritoryRole(user, args.territoryId, [Role.COMUNE_OPERATOR]);
    const phone = args.phone?.trim();
    const name = args.name?.trim();
    if (!phone && !name) throw new DomainError('FIELD_REQUIRED', { field: 'phone' });
    let condition: string;
    let key: Buffer | string[];
    if (phone) {
      let e164: string;
      try {
        e164 = this.phones.parse(phone);
      } catch (error) {
        if (error instanceof DomainError)
          throw new DomainError(error.code, { ...error.options, field: 'phone' });
        throw error;
      }
      condition = 'b.phone_search = $1';
      key = this.blindIndex.phone(e164);
    } else {
      key = this.blindIndex.name(name as string);
      if (!key.length) throw new DomainError('DESK_SEARCH_NAME_TOO_SHORT', { field: 'name' });
      condition = 'b.name_search @> $1::text[]';
    }
    return this.dataSource.transaction(async (manager) => {
      await this.checkSearchLimit(manager, user.userId);
      const params: unknown[] = [key];
      const inScope = personInScopeCondition(
        { all: false, territoryIds: [args.territoryId] },
        this.access,
        params,
      );
      params.push(MAX_RESULTS);
      const rows = await this.people.findPeople(manager, condition, inScope, params);
      // What was searched stays out of the log (it is personal data): how, and how many were found.
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'desk.person_searched',
        entityType: 'territory',
        entityId: args.territoryId,
        territoryId: args.territoryId,
        details: { by: phone ? 'phone' : 'name', results: rows.length, ids: rows.map((row) => row.id) },
      });
      return this.toPeople(rows, user, args.territoryId);
    });
  }

  /** One person, for the desk's person page: their consent and their needs in the operator's territories. */
  async person(user: AuthenticatedUser, id: string): Promise<DeskPerson> {
    this.access.requireRole(user, [Role.COMUNE_OPERATOR]);
    const params: unknown[] = [id];
    const inScope = personInScopeCondition(
      this.access.scope(user, [Role.COMUNE_OPERATOR]),
      this.access,
      params,
    );
    const rows = await this.people.findPerson(inScope, params);
    if (!rows.length) throw new DomainError('DESK_PERSON_NOT_FOUND', { field: 'id' });
    const territoryId = rows[0].comune_istat
      ? await firstTerritoryOf(this.dataSource.manager, rows[0].comune_istat)
      : null;
    await writeAudit(this.dataSource.manager, {
      actorUserId: user.userId,
      action: 'desk.person_read',
      entityType: 'beneficiary',
      entityId: id,
      territoryId,
    });
    const [person] = await this.toPeople(rows, user, null);
    return person;
  }

  /**
   * The per-operator limit, counted from the audit log under a lock on the operator's row so that
   * parallel searches cannot all pass: on top of the per-token rate limit, it holds for every
   * session and address the operator uses.
   */
  private async checkSearchLimit(manager: Queryable, userId: string): Promise<void> {
    await this.people.lockSearchesOf(manager, userId);
    const row = await this.people.countRecentSearches(manager, userId, DESK_SEARCH_WINDOW_MINUTES);
    if (row.searches >= DESK_SEARCHES_PER_WINDOW) {
      const retryAfterSeconds = row.oldest
        ? Math.max(
            1,
            Math.ceil((row.oldest.getTime() + DESK_SEARCH_WINDOW_MINUTES * 60_000 - Date.now()) / 1000),
          )
        : DESK_SEARCH_WINDOW_MINUTES * 60;
      throw new DomainError('RATE_LIMITED', { params: { retryAfterSeconds } });
    }
  }

  private async toPeople(
    rows: DeskPersonRow[],
    user: AuthenticatedUser,
    territoryId: string | null,
  ): Promise<DeskPerson[]> {
    if (!rows.length) return [];
    const params: unknown[] = [rows.map((row) => row.id)];
    const scope = territoryId
      ? { all: false as const, territoryIds: [territoryId] }
      : this.access.scope(user, [Role.COMUNE_OPERATOR]);
    const inScope = this.access.comuneCondition(scope, 'n.comune_istat', params);
    const needs = await this.people.findNeedsOfPeople(inScope, params);
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      fullName: this.cipher.decrypt(row.full_name_encrypted),
      phone: row.phone_encrypted ? this.cipher.decrypt(row.phone_encrypted) : null,
      comuneIstat: row.comune_istat,
      comuneName: row.comune_name,
      registeredAt: row.created_at,
      consent:
        row.kind === BeneficiaryKind.DESK
          ? {
              recordedAt: row.consent_recorded_at,
              recordedBy: row.recorded_by,
              method: row.consent_method,
              witness: row.consent_witness_encrypted
                ? this.cipher.decrypt(row.consent_witness_encrypted)
                : null,
              healthDataAt: row.health_consent_at,
            }
          : null,
      needs: needs
        .filter((need) => need.beneficiary_id === row.id)
        .map((need) => ({
          id: need.id,
          category: need.category as NeedCategory,
          status: need.status as NeedStatus,
          description: need.description,
          windowStart: need.windowStart,
          windowEnd: need.windowEnd,
          createdAt: need.createdAt,
        })),
    }));
  }
}
