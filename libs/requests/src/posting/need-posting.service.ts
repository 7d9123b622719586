import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AccessService,
  AuthenticatedUser,
  CodiceFiscaleService,
  PhoneVerificationService,
  Role,
  SealedCodiceFiscale,
} from '@prossimo/identity';
import { ContentType, ModerationService, ModerationStatus } from '@prossimo/moderation';
import {
  BLIND_INDEX_VERSION,
  BlindIndex,
  CombinedStatement,
  DomainError,
  FieldCipher,
  liveConsentIn,
  recordStatusChange,
  statusHistoryIn,
  writeAudit,
  writeOutboxIn,
} from '@prossimo/platform';
import {
  comuneCentre,
  comuneOfPointSql,
  firstTerritoryOf,
  kmFromComuneCentre,
  nearestComune,
} from '@prossimo/territory';
import { DataSource, EntityManager } from 'typeorm';
import { BeneficiariesRepository } from '../beneficiaries/beneficiaries.repository';
import { personInScopeCondition } from '../desk-people/desk-people.scope';
import { NeedsRepository } from '../needs/needs.repository';
import { checkContent, MAX_KM_FROM_COMUNE, storedDetails } from '../needs/need-content';
import { NEED_HISTORY_ENTITY, needOpenedJobs } from '../lifecycle/need-lifecycle.service';
import { NeedQueriesService } from '../needs/need-queries.service';
import {
  BeneficiaryKind,
  DeskBeneficiaryInput,
  DeskConsentMethod,
  FlagLatentNeedInput,
  Need,
  NeedContentInput,
  NeedSource,
  NeedStatus,
  PostNeedAtDeskInput,
  PostNeedInput,
} from '../requests.types';

/** A beneficiary to insert (its Comune comes from the statement: insertBeneficiaryIn). */
interface BeneficiaryToInsert {
  kind: BeneficiaryKind;
  fullName: string;
  phone: string | null;
  codiceFiscale?: SealedCodiceFiscale | null;
  relationship: string | null;
  createdBy: string;
  consentAt?: Date;
  consentMethod?: DeskConsentMethod | null;
  consentWitness?: string | null;
  healthConsentAt?: Date | null;
}

/**
 * Citizens' needs posted: by the citizen (for themselves or a relative), by a Comune desk for
 * someone without the app, or flagged by a community sentinel. Addresses, sensitive notes and
 * beneficiaries' names and phones are written encrypted.
 */
@Injectable()
export class NeedPostingService {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly blindIndex: BlindIndex,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly phones: PhoneVerificationService,
    private readonly moderation: ModerationService,
    private readonly codiciFiscali: CodiceFiscaleService,
    private readonly queries: NeedQueriesService,
    private readonly needs: NeedsRepository,
    private readonly beneficiaries: BeneficiariesRepository,
  ) {}

  /**
   * A citizen posts a need for themselves or for a relative. One statement, without a
   * transaction around it (a statement is atomic): the Comune checked or found, the health
   * consent recorded or held, the person it is for, the moderation item, the need, its first
   * status and its jobs; a check that fails leaves nothing written and is reported on its field.
   */
  async postNeed(user: AuthenticatedUser, input: PostNeedInput): Promise<Need> {
    const relativePhone = this.checkedPost(user, input);
    // A first post races another first post of the same person for their 'self' record: the
    // loser's statement writes nothing, and once more finds the record.
    for (let attempt = 0; ; attempt++) {
      const id = await this.postNeedOnce(this.dataSource.manager, user, input, relativePhone);
      if (id) return this.queries.need(user, id);
      if (attempt > 0) throw new Error('postNeed wrote nothing twice');
    }
  }

  /**
   * postNeed's write in the caller's transaction, without the answer's read (the api's warm-up
   * rehearses it in one it rolls back, apps/api/src/warm-up.ts): the need's id, or null when a
   * concurrent first post of the same person won their 'self' record.
   */
  async postNeedIn(
    manager: EntityManager,
    user: AuthenticatedUser,
    input: PostNeedInput,
  ): Promise<string | null> {
    return this.postNeedOnce(manager, user, input, this.checkedPost(user, input));
  }

  /** The checks made before anything is sent; the relative's phone, parsed. */
  private checkedPost(user: AuthenticatedUser, input: PostNeedInput): string | null {
    this.access.requireRole(user, [Role.CITIZEN]);
    checkContent(input);
    return input.relative?.phone ? this.parsePhone(input.relative.phone, 'relative.phone') : null;
  }

  private async postNeedOnce(
    manager: EntityManager,
    user: AuthenticatedUser,
    input: PostNeedInput,
    relativePhone: string | null,
  ): Promise<string | null> {
    const statement = new CombinedStatement();
    const { lat, lon } = input.location;
    const at = `ll_to_earth(${statement.param(lat, 'float8')}, ${statement.param(lon, 'float8')})`;
    // The given Comune (checked against the location) or the one whose centre is nearest.
    const place = statement.with(
      'place',
      comuneOfPointSql(at, input.comuneIstat ? statement.param(input.comuneIstat) : undefined),
    );
    const served = `km <= ${statement.param(MAX_KM_FROM_COMUNE, 'float8')}`;
    // Health notes need the poster's explicit, separate consent: given in this form (recorded
    // now) or earlier and still in force, its row held until commit, so a withdrawal running at
    // the same time purges these notes too.
    const withNotes = Boolean(input.sensitiveNotes?.trim());
    const consentGiven = input.healthDataConsent === true;
    const consent = withNotes
      ? liveConsentIn(
          statement,
          user.userId,
          'health_data',
          consentGiven,
          `EXISTS (SELECT 1 FROM ${place} WHERE ${served})`,
        )
      : 'true';
    const go = statement.with('go', `SELECT comune_istat FROM ${place} WHERE ${served} AND ${consent}`);
    let beneficiary: string;
    if (input.relative) {
      beneficiary = this.insertBeneficiaryIn(
        statement,
        {
          kind: BeneficiaryKind.RELATIVE,
          fullName: input.relative.fullName.trim(),
          phone: relativePhone,
          relationship: input.relative.relationship.trim(),
          createdBy: user.userId,
        },
        go,
      );
    } else {
      // Usually there already; the first time, created (unless a concurrent first post wins).
      const self = statement.param(user.userId, 'uuid');
      const found = statement.with(
        'self_found',
        `SELECT id FROM beneficiaries WHERE kind = 'self' AND user_id = ${self}`,
      );
      const created = statement.with(
        'self_created',
        `INSERT INTO beneficiaries (kind, user_id, created_by_user_id)
         SELECT 'self', ${self}, ${self} FROM ${go} WHERE NOT EXISTS (SELECT 1 FROM ${found})
         ON CONFLICT (user_id) WHERE kind = 'self' DO NOTHING RETURNING id`,
      );
      beneficiary = statement.with(
        'beneficiary',
        `SELECT id FROM ${found} UNION ALL SELECT id FROM ${created}`,
      );
    }
    const ready = statement.with(
      'ready',
      `SELECT go.comune_istat, beneficiary.id AS beneficiary_id FROM ${go} go, ${beneficiary} beneficiary`,
    );
    const needId = randomUUID();
    const need = this.insertNeedIn(statement, user, NeedSource.CITIZEN, input, needId, ready);
    const [row]: { found: boolean; km: number | null; consented: boolean; posted: boolean }[] =
      await statement.runPrepared(
        manager,
        `SELECT EXISTS (SELECT 1 FROM ${place}) AS found, (SELECT km FROM ${place}) AS km,
                ${consent} AS consented, EXISTS (SELECT 1 FROM ${need}) AS posted`,
      );
    if (row.posted) return needId;
    // Nothing was written: say why, in the order the checks were always made.
    if (withNotes && !consentGiven && !row.consented) {
      throw new DomainError('HEALTH_DATA_CONSENT_REQUIRED', { field: 'sensitiveNotes' });
    }
    if (input.comuneIstat) {
      if (!row.found) throw new DomainError('COMUNE_NOT_FOUND', { field: 'comuneIstat' });
      if ((row.km as number) > MAX_KM_FROM_COMUNE)
        throw new DomainError('NEED_LOCATION_FAR_FROM_COMUNE', { field: 'location' });
    } else if (!row.found || (row.km as number) > MAX_KM_FROM_COMUNE) {
      throw new DomainError('NEED_LOCATION_OUTSIDE_SERVICE', { field: 'location' });
    }
    return null;
  }

  /**
   * A Comune operator records a need for a person who came to the desk or phoned: someone met for
   * the first time (with the consent given now: when, how, before whom) or a person the desk
   * registered before (found with deskPeople; their consent stands).
   */
  async postNeedAtDesk(user: AuthenticatedUser, input: PostNeedAtDeskInput): Promise<Need> {
    this.access.requireRole(user, [Role.COMUNE_OPERATOR]);
    checkContent(input);
    const withNotes = Boolean(input.sensitiveNotes?.trim());
    if (input.knownPerson && input.beneficiary) {
      throw new DomainError('FIELD_INVALID', { field: 'knownPerson' });
    }
    const known = input.knownPerson;
    const beneficiary = input.beneficiary;
    let phone: string | null = null;
    if (!known) {
      if (!beneficiary) throw new DomainError('FIELD_REQUIRED', { field: 'beneficiary' });
      if (beneficiary.consentRecorded !== true) {
        throw new DomainError('NEED_CONSENT_REQUIRED', { field: 'beneficiary.consentRecorded' });
      }
      if (!beneficiary.consentDate) {
        throw new DomainError('FIELD_REQUIRED', { field: 'beneficiary.consentDate' });
      }
      if (beneficiary.consentDate.getTime() > Date.now() + 60_000) {
        throw new DomainError('NEED_CONSENT_DATE_FUTURE', { field: 'beneficiary.consentDate' });
      }
      if (
        beneficiary.consentMethod === DeskConsentMethod.VERBAL_WITH_WITNESS &&
        !beneficiary.consentWitness?.trim()
      ) {
        throw new DomainError('FIELD_REQUIRED', { field: 'beneficiary.consentWitness' });
      }
      if (withNotes && beneficiary.healthDataConsent !== true) {
        throw new DomainError('HEALTH_DATA_CONSENT_REQUIRED', { field: 'beneficiary.healthDataConsent' });
      }
      phone = beneficiary.phone ? this.parsePhone(beneficiary.phone, 'beneficiary.phone') : null;
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const location = await this.resolveComune(manager, input);
      await this.access.requireComuneRole(user, location.comuneIstat, [Role.COMUNE_OPERATOR], manager);
      const territoryId = await firstTerritoryOf(manager, location.comuneIstat);
      let beneficiaryId: string;
      if (known) {
        beneficiaryId = await this.knownDeskPerson(
          manager,
          user,
          known.id,
          withNotes,
          known.healthDataConsent,
        );
      } else {
        const person = beneficiary as DeskBeneficiaryInput;
        const codiceFiscale = person.codiceFiscale?.trim()
          ? this.codiciFiscali.seal(person.codiceFiscale, 'beneficiary.codiceFiscale')
          : null;
        // No account is linked from a phone typed at the desk: a typo would show the need to a stranger.
        beneficiaryId = await this.insertBeneficiary(manager, location.comuneIstat, {
          kind: BeneficiaryKind.DESK,
          fullName: person.fullName.trim(),
          phone,
          codiceFiscale,
          relationship: null,
          createdBy: user.userId,
          consentAt: person.consentDate,
          consentMethod: person.consentMethod ?? null,
          consentWitness: person.consentWitness?.trim() || null,
          healthConsentAt: withNotes ? person.consentDate : null,
        });
      }
      const needId = await this.insertNeed(
        manager,
        user,
        NeedSource.DESK,
        input,
        location.comuneIstat,
        beneficiaryId,
      );
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'need.posted_at_desk',
        entityType: 'need',
        entityId: needId,
        territoryId,
        details: { comuneIstat: location.comuneIstat, beneficiaryId, knownPerson: Boolean(known) },
      });
      return needId;
    });
    return this.queries.need(user, id);
  }

  /**
   * A person the desk registered before, for a new need: only DESK records (their consent was
   * recorded at a desk) of a territory where this operator works; health notes need the health
   * consent, recorded before or given now.
   */
  private async knownDeskPerson(
    manager: EntityManager,
    user: AuthenticatedUser,
    id: string,
    withNotes: boolean,
    healthConsentNow: boolean | undefined,
  ): Promise<string> {
    const params: unknown[] = [id];
    const inScope = personInScopeCondition(
      this.access.scope(user, [Role.COMUNE_OPERATOR]),
      this.access,
      params,
    );
    const row = await this.beneficiaries.lockDeskPerson(manager, inScope, params);
    if (!row) throw new DomainError('DESK_PERSON_NOT_FOUND', { field: 'knownPerson.id' });
    if (withNotes && !row.health_consent_at) {
      if (healthConsentNow !== true) {
        throw new DomainError('HEALTH_DATA_CONSENT_REQUIRED', { field: 'knownPerson.healthDataConsent' });
      }
      await this.beneficiaries.recordHealthConsent(manager, id);
    }
    return id;
  }

  /** Anyone signed in may flag a neighbour's possible need; the Comune reviews it first. */
  async flagLatentNeed(user: AuthenticatedUser, input: FlagLatentNeedInput): Promise<Need> {
    const id = await this.dataSource.transaction(async (manager) => {
      const comune = await comuneCentre(manager, input.comuneIstat);
      if (!comune) throw new DomainError('COMUNE_NOT_FOUND', { field: 'comuneIstat' });
      const needId = randomUUID();
      const description = input.description.trim();
      // The Comune's centre stands in for the place until an operator takes the case.
      await this.needs.insertSentinelNeed(manager, {
        id: needId,
        category: input.category,
        description,
        comuneIstat: input.comuneIstat,
        lat: comune.lat,
        lon: comune.lon,
        authorUserId: user.userId,
      });
      await this.moderation.submit(manager, {
        contentType: ContentType.NEED,
        contentId: needId,
        comuneIstat: input.comuneIstat,
        authorUserId: user.userId,
        // The description only: the queue shows the category from the need (ModerationItem.category).
        summary: description,
      });
      await recordStatusChange(manager, {
        entityType: NEED_HISTORY_ENTITY,
        entityId: needId,
        from: null,
        to: NeedStatus.SUBMITTED,
        actorUserId: user.userId,
        reason: 'flagged by a community sentinel',
      });
      return needId;
    });
    return this.queries.need(user, id);
  }

  private parsePhone(phone: string, field: string): string {
    try {
      return this.phones.parse(phone);
    } catch (error) {
      if (error instanceof DomainError) throw new DomainError(error.code, { ...error.options, field });
      throw error;
    }
  }

  /** The given Comune (checked against the location) or the one whose centre is nearest. */
  private async resolveComune(
    manager: EntityManager,
    input: NeedContentInput,
  ): Promise<{ comuneIstat: string; lat: number; lon: number }> {
    const { lat, lon } = input.location;
    if (input.comuneIstat) {
      const km = await kmFromComuneCentre(manager, input.comuneIstat, lat, lon);
      if (km === undefined) throw new DomainError('COMUNE_NOT_FOUND', { field: 'comuneIstat' });
      if (km > MAX_KM_FROM_COMUNE)
        throw new DomainError('NEED_LOCATION_FAR_FROM_COMUNE', { field: 'location' });
      return { comuneIstat: input.comuneIstat, lat, lon };
    }
    const nearest = await nearestComune(manager, lat, lon);
    if (!nearest || nearest.meters / 1000 > MAX_KM_FROM_COMUNE) {
      throw new DomainError('NEED_LOCATION_OUTSIDE_SERVICE', { field: 'location' });
    }
    return { comuneIstat: nearest.istat, lat, lon };
  }

  /** Inserts a beneficiary in the caller's transaction; returns its id. */
  private async insertBeneficiary(
    manager: EntityManager,
    comuneIstat: string,
    person: BeneficiaryToInsert,
  ): Promise<string> {
    const statement = new CombinedStatement();
    const inserted = this.insertBeneficiaryIn(
      statement,
      person,
      statement.with('registered', `SELECT ${statement.param(comuneIstat, 'char(6)')} AS comune_istat`),
    );
    const [row]: { id: string }[] = await statement.run(manager, `SELECT id FROM ${inserted}`);
    return row.id;
  }

  /**
   * The beneficiary as a part of a combined statement: one row per row of `from` (a part with a
   * column comune_istat, the Comune where the person is registered; none: nothing written).
   * Returns the part's name (column id).
   */
  private insertBeneficiaryIn(
    statement: CombinedStatement,
    person: BeneficiaryToInsert,
    from: string,
  ): string {
    // With the blind index (deskPeople finds the person by phone or name) written in the same row.
    const value = (v: unknown, type: string) => statement.param(v, type);
    return statement.with(
      'beneficiary',
      `INSERT INTO beneficiaries (kind, full_name_encrypted, phone_encrypted, relationship, consent_recorded_at,
                                  consent_recorded_by_user_id, created_by_user_id, health_consent_at, registered_comune_istat,
                                  consent_method, consent_witness_encrypted, phone_search, name_search, search_version,
                                  codice_fiscale_encrypted, codice_fiscale_hmac)
       SELECT ${value(person.kind, 'text')}, ${value(this.cipher.encrypt(person.fullName), 'text')},
              ${value(person.phone ? this.cipher.encrypt(person.phone) : null, 'text')},
              ${value(person.relationship, 'text')}, ${value(person.consentAt ?? null, 'timestamptz')},
              ${value(person.consentAt ? person.createdBy : null, 'uuid')}, ${value(person.createdBy, 'uuid')},
              ${value(person.healthConsentAt ?? null, 'timestamptz')}, registered.comune_istat,
              ${value(person.consentMethod ?? null, 'text')},
              ${value(person.consentWitness ? this.cipher.encrypt(person.consentWitness) : null, 'text')},
              ${value(person.phone ? this.blindIndex.phone(person.phone) : null, 'bytea')},
              ${value(this.blindIndex.name(person.fullName), 'text[]')}, ${value(BLIND_INDEX_VERSION, 'smallint')},
              ${value(person.codiceFiscale?.encrypted ?? null, 'text')},
              ${value(person.codiceFiscale?.hmac ?? null, 'bytea')}
         FROM ${from} registered
       RETURNING id`,
    );
  }

  /** Inserts the need, registers it with moderation and records its first status, in the caller's transaction. */
  private async insertNeed(
    manager: EntityManager,
    user: AuthenticatedUser,
    source: NeedSource,
    input: NeedContentInput,
    comuneIstat: string,
    beneficiaryId: string,
  ): Promise<string> {
    const statement = new CombinedStatement();
    const ready = statement.with(
      'ready',
      `SELECT ${statement.param(comuneIstat, 'char(6)')} AS comune_istat,
              ${statement.param(beneficiaryId, 'uuid')} AS beneficiary_id`,
    );
    const needId = randomUUID();
    await statement.run(
      manager,
      `SELECT id FROM ${this.insertNeedIn(statement, user, source, input, needId, ready)}`,
    );
    return needId;
  }

  /**
   * The need as parts of a combined statement, for the row of `ready` (columns comune_istat and
   * beneficiary_id; no row: nothing written): its moderation item, the need (submitted under
   * pre-moderation, otherwise open), its first status and, once open, the jobs it sets off.
   * Returns the part's name (columns id, status).
   */
  private insertNeedIn(
    statement: CombinedStatement,
    user: AuthenticatedUser,
    source: NeedSource,
    input: NeedContentInput,
    needId: string,
    ready: string,
  ): string {
    const description = input.description.trim();
    const id = statement.param(needId, 'uuid');
    const author = statement.param(user.userId, 'uuid');
    const item = this.moderation.submitIn(statement, {
      contentType: ContentType.NEED,
      contentId: id,
      comuneIstat: 'ready.comune_istat',
      authorUserId: user.userId,
      // The public description only (the category comes from the need): never the address or the sensitive notes.
      summary: description,
      from: `${ready} ready`,
    });
    const value = (v: unknown, type: string) => statement.param(v, type);
    const need = statement.with(
      'need',
      `INSERT INTO needs (id, source, status, category, description, comune_istat, lat, lon, address_encrypted,
                          window_start, window_end, urgency, language, accessibility_needs, max_distance_km,
                          sensitive_notes_encrypted, details, author_user_id, beneficiary_id, opened_at)
       SELECT ${id}, ${value(source, 'text')}, s.status, ${value(input.category, 'text')}, ${value(description, 'text')},
              ready.comune_istat, ${value(input.location.lat, 'float8')}, ${value(input.location.lon, 'float8')},
              ${value(input.address?.trim() ? this.cipher.encrypt(input.address.trim()) : null, 'text')},
              ${value(input.windowStart, 'timestamptz')}, ${value(input.windowEnd, 'timestamptz')},
              ${value(input.urgency, 'text')}, ${value(input.language, 'text')},
              ${value([...new Set(input.accessibilityNeeds)], 'text[]')}, ${value(input.maxDistanceKm ?? null, 'int')},
              ${value(input.sensitiveNotes?.trim() ? this.cipher.encrypt(input.sensitiveNotes.trim()) : null, 'text')},
              ${value(JSON.stringify(storedDetails(input)), 'jsonb')}, ${author}, ready.beneficiary_id,
              CASE WHEN s.status = 'open' THEN now() END
         FROM ${ready} ready
        CROSS JOIN ${item} item
        CROSS JOIN LATERAL (SELECT CASE WHEN item.status = ${value(ModerationStatus.PENDING, 'text')}
                                        THEN ${value(NeedStatus.SUBMITTED, 'text')}
                                        ELSE ${value(NeedStatus.OPEN, 'text')} END AS status) s
       RETURNING id, status`,
    );
    statusHistoryIn(
      statement,
      'need_history',
      `SELECT ${value(NEED_HISTORY_ENTITY, 'text')}, id, NULL, status, ${author},
              CASE WHEN status = ${value(NeedStatus.SUBMITTED, 'text')} THEN 'waiting for moderation' ELSE 'posted' END
         FROM ${need}`,
    );
    writeOutboxIn(
      statement,
      needOpenedJobs(needId, input.category),
      `EXISTS (SELECT 1 FROM ${need} WHERE status = ${value(NeedStatus.OPEN, 'text')})`,
    );
    return need;
  }
}
