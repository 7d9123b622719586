import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AccessService,
  AuthenticatedUser,
  CodiceFiscaleService,
  SealedCodiceFiscale,
  COMUNE_STAFF_ROLES,
  PhoneVerificationService,
  Role,
} from '@prossimo/identity';
import { ContentType, ModerationService, ModerationStatus } from '@prossimo/moderation';
import {
  afterCursorCondition,
  BLIND_INDEX_VERSION,
  BlindIndex,
  CombinedStatement,
  CursorAt,
  cursorAtColumn,
  DomainError,
  FieldCipher,
  liveConsentIn,
  oneByKey,
  Page,
  PageArgs,
  queryPrepared,
  readStatusHistory,
  recordStatusChange,
  RequestLoader,
  toPage,
  writeAudit,
  writeOutboxIn,
} from '@prossimo/platform';
import { isUUID } from 'class-validator';
import { firstTerritoryOf } from '@prossimo/territory';
import { DataSource, EntityManager } from 'typeorm';
import { personInScopeCondition } from './desk-people.scope';
import { NEED_HISTORY_ENTITY, NeedLifecycleService, needOpenedJobs } from './need-lifecycle.service';
import {
  AccessibilityNeed,
  Beneficiary,
  BeneficiaryKind,
  CancelNeedInput,
  DeskBeneficiaryInput,
  DeskConsentMethod,
  FlagLatentNeedInput,
  Need,
  NeedAccess,
  NeedCategory,
  NeedContentInput,
  NeedDetails,
  NeedSource,
  NeedStatus,
  NeedStatusChange,
  NeedUrgency,
  PostNeedAtDeskInput,
  PostNeedInput,
  ReviewFlaggedNeedInput,
  TerritoryNeedsArgs,
} from './requests.types';

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

/** A point farther than this from every Comune centre (or from the given Comune) is not a place we serve. */
const MAX_KM_FROM_COMUNE = 40;

interface NeedRow {
  id: string;
  source: NeedSource;
  status: NeedStatus;
  category: NeedCategory;
  description: string;
  comuneIstat: string;
  lat: number;
  lon: number;
  addressEncrypted: string | null;
  windowStart: Date | null;
  windowEnd: Date | null;
  urgency: NeedUrgency;
  language: string;
  accessibilityNeeds: AccessibilityNeed[];
  maxDistanceKm: number | null;
  sensitiveNotesEncrypted: string | null;
  details: StoredDetails;
  authorUserId: string | null;
  beneficiaryId: string | null;
  beneficiaryUserId: string | null;
  published: boolean;
  openedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Category details as stored in needs.details (jsonb: dates as ISO strings). */
interface StoredDetails {
  ride?: {
    pickupPlace: string;
    pickupLocation: { lat: number; lon: number };
    destinationPlace: string;
    destinationLocation: { lat: number; lon: number };
    appointmentAt: string;
    returnTripWanted: boolean;
    returnAt: string | null;
    wheelchair: boolean;
    escortWaits: boolean;
    passengers: number;
  };
  sharedCaregiver?: {
    weeklyHours: number;
    weeklySchedule: { dayOfWeek: number; start: string; end: string }[];
    willingToShare: boolean;
    maxPricePerHourCents: number | null;
  };
}

function needColumns(published: string): string {
  return `n.id, n.source, n.status, n.category, n.description, n.comune_istat AS "comuneIstat", n.lat, n.lon,
    n.address_encrypted AS "addressEncrypted", n.window_start AS "windowStart", n.window_end AS "windowEnd",
    n.urgency, n.language, n.accessibility_needs AS "accessibilityNeeds", n.max_distance_km AS "maxDistanceKm",
    n.sensitive_notes_encrypted AS "sensitiveNotesEncrypted", n.details, n.author_user_id AS "authorUserId",
    n.beneficiary_id AS "beneficiaryId", b.user_id AS "beneficiaryUserId", ${published} AS published,
    n.opened_at AS "openedAt", n.created_at AS "createdAt", n.updated_at AS "updatedAt"`;
}

/** About a kilometre: enough for a helper to judge the distance, not to find the door. */
function approximate(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Citizens' needs: posted by the citizen (for themselves or a relative), by a Comune desk for
 * someone without the app, or flagged by a community sentinel. Addresses, sensitive notes and
 * beneficiaries' names and phones are encrypted and shown only to the people entitled to them.
 */
@Injectable()
export class NeedsService {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly blindIndex: BlindIndex,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly phones: PhoneVerificationService,
    private readonly moderation: ModerationService,
    private readonly lifecycle: NeedLifecycleService,
    private readonly codiciFiscali: CodiceFiscaleService,
  ) {}

  // ----- posting -----

  /**
   * A citizen posts a need for themselves or for a relative. One statement, without a
   * transaction around it (a statement is atomic): the Comune checked or found, the health
   * consent recorded or held, the person it is for, the moderation item, the need, its first
   * status and its jobs; a check that fails leaves nothing written and is reported on its field.
   */
  async postNeed(user: AuthenticatedUser, input: PostNeedInput): Promise<Need> {
    this.access.requireRole(user, [Role.CITIZEN]);
    this.checkContent(input);
    const relativePhone = input.relative?.phone
      ? this.parsePhone(input.relative.phone, 'relative.phone')
      : null;
    // A first post races another first post of the same person for their 'self' record: the
    // loser's statement writes nothing, and once more finds the record.
    for (let attempt = 0; ; attempt++) {
      const id = await this.postNeedOnce(user, input, relativePhone);
      if (id) return this.need(user, id);
      if (attempt > 0) throw new Error('postNeed wrote nothing twice');
    }
  }

  private async postNeedOnce(
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
      input.comuneIstat
        ? `SELECT istat AS comune_istat, earth_distance(ll_to_earth(lat, lon), ${at}) / 1000 AS km
             FROM comuni WHERE istat = ${statement.param(input.comuneIstat)}`
        : `SELECT istat AS comune_istat, earth_distance(ll_to_earth(lat, lon), ${at}) / 1000 AS km
             FROM comuni ORDER BY ll_to_earth(lat, lon) <-> ${at} LIMIT 1`,
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
      await statement.run(
        this.dataSource.manager,
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
    this.checkContent(input);
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
    return this.need(user, id);
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
    const [row]: { health_consent_at: Date | null }[] = await manager.query(
      `SELECT b.health_consent_at FROM beneficiaries b WHERE b.id = $1 AND b.kind = 'desk' AND ${inScope}
          FOR UPDATE OF b`,
      params,
    );
    if (!row) throw new DomainError('DESK_PERSON_NOT_FOUND', { field: 'knownPerson.id' });
    if (withNotes && !row.health_consent_at) {
      if (healthConsentNow !== true) {
        throw new DomainError('HEALTH_DATA_CONSENT_REQUIRED', { field: 'knownPerson.healthDataConsent' });
      }
      await manager.query(`UPDATE beneficiaries SET health_consent_at = now() WHERE id = $1`, [id]);
    }
    return id;
  }

  /** Anyone signed in may flag a neighbour's possible need; the Comune reviews it first. */
  async flagLatentNeed(user: AuthenticatedUser, input: FlagLatentNeedInput): Promise<Need> {
    const id = await this.dataSource.transaction(async (manager) => {
      const [comune]: { lat: number; lon: number }[] = await manager.query(
        `SELECT lat, lon FROM comuni WHERE istat = $1`,
        [input.comuneIstat],
      );
      if (!comune) throw new DomainError('COMUNE_NOT_FOUND', { field: 'comuneIstat' });
      const needId = randomUUID();
      const description = input.description.trim();
      // The Comune's centre stands in for the place until an operator takes the case.
      await manager.query(
        `INSERT INTO needs (id, source, status, category, description, comune_istat, lat, lon, author_user_id)
         VALUES ($1, 'sentinel', 'submitted', $2, $3, $4, $5, $6, $7)`,
        [needId, input.category, description, input.comuneIstat, comune.lat, comune.lon, user.userId],
      );
      await this.moderation.submit(manager, {
        contentType: ContentType.NEED,
        contentId: needId,
        comuneIstat: input.comuneIstat,
        authorUserId: user.userId,
        summary: `${input.category}: ${description}`,
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
    return this.need(user, id);
  }

  /** A Comune operator accepts a sentinel's flag (the need opens) or rejects it, with a reason. */
  async reviewFlaggedNeed(user: AuthenticatedUser, input: ReviewFlaggedNeedInput): Promise<Need> {
    this.access.requireRole(user, [Role.COMUNE_OPERATOR]);
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockNeed(manager, input.needId);
      await this.access.requireComuneRole(user, row.comuneIstat, [Role.COMUNE_OPERATOR], manager);
      if (row.source !== NeedSource.SENTINEL) throw new DomainError('NEED_NOT_FLAGGED', { field: 'needId' });
      const to = input.accept ? NeedStatus.OPEN : NeedStatus.REJECTED;
      await this.lifecycle.transition(manager, row.id, to, user.userId, input.reason);
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: input.accept ? 'need.flag_accepted' : 'need.flag_rejected',
        entityType: 'need',
        entityId: row.id,
        territoryId: await firstTerritoryOf(manager, row.comuneIstat),
      });
    });
    return this.need(user, input.needId);
  }

  /** The author (or the person it is for) or Comune staff of the territory cancel a need. */
  async cancelNeed(user: AuthenticatedUser, input: CancelNeedInput): Promise<Need> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockNeed(manager, input.needId);
      const isParty =
        row.authorUserId === user.userId ||
        (row.beneficiaryUserId !== null && row.beneficiaryUserId === user.userId);
      // A sentinel may withdraw a flag, not a case the Comune has since taken over.
      const partyMayCancel =
        isParty && (row.source !== NeedSource.SENTINEL || row.status === NeedStatus.SUBMITTED);
      if (!partyMayCancel) {
        await this.access.requireComuneRole(user, row.comuneIstat, COMUNE_STAFF_ROLES, manager);
      }
      await this.lifecycle.transition(manager, row.id, NeedStatus.CANCELLED, user.userId, input.reason);
      if (!partyMayCancel) {
        await writeAudit(manager, {
          actorUserId: user.userId,
          action: 'need.cancelled_by_staff',
          entityType: 'need',
          entityId: row.id,
          territoryId: await firstTerritoryOf(manager, row.comuneIstat),
        });
      }
    });
    return this.need(user, input.needId);
  }

  // ----- reading -----

  /**
   * One need, for those it concerns: the author and the person it is for, Comune staff of its
   * territory, the platform's admins (without personal fields), and the helpers it was proposed to
   * (while the proposal is open or accepted) or who took it on. Anyone else gets NEED_NOT_FOUND,
   * open or not: its destination, place and times can be health data. Personal fields depend on
   * who asks (see the field resolvers).
   */
  async need(user: AuthenticatedUser, id: string): Promise<Need> {
    const row = await this.findNeed(this.dataSource.manager, id);
    const access = await this.accessFor(user, row);
    const visible =
      access !== 'none' ||
      row.authorUserId === user.userId ||
      this.access.isPlatformAdmin(user) ||
      (await this.isProposedHelper(row.id, user.userId));
    if (!visible) throw new DomainError('NEED_NOT_FOUND', { field: 'id' });
    return this.toNeed(row, user, access);
  }

  /** Needs the citizen posted or that are for them, newest first. */
  async myNeeds(user: AuthenticatedUser, args: PageArgs): Promise<Page<Need>> {
    const params: unknown[] = [user.userId];
    const conditions = ['(n.author_user_id = $1 OR b.user_id = $1)'];
    conditions.push(...afterCursorCondition(args.after, '(n.created_at, n.id)', 'DESC', params));
    params.push(args.first + 1);
    // Every citizen's home screen: prepared, so PostgreSQL does not plan it again on each request.
    const rows = await queryPrepared<NeedRow & CursorAt>(
      this.dataSource,
      `SELECT ${needColumns(this.publishedCondition())}, ${cursorAtColumn('n.created_at')}
         FROM needs n LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
        WHERE ${conditions.join(' AND ')} ORDER BY n.created_at DESC, n.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, args.first, (row) => [row.cursorAt, row.id]);
    return { items: await this.toNeeds(page.items, user), pageInfo: page.pageInfo };
  }

  /** Comune staff: needs of their territories, oldest first; unmatchedForHours finds the forgotten ones. */
  async territoryNeeds(user: AuthenticatedUser, args: TerritoryNeedsArgs): Promise<Page<Need>> {
    this.access.requireRole(user, COMUNE_STAFF_ROLES);
    const scope = this.access.scope(user, COMUNE_STAFF_ROLES);
    const params: unknown[] = [];
    const conditions = [this.access.comuneCondition(scope, 'n.comune_istat', params)];
    if (args.status) {
      params.push(args.status);
      conditions.push(`n.status = $${params.length}`);
    }
    if (args.category) {
      params.push(args.category);
      conditions.push(`n.category = $${params.length}`);
    }
    if (args.comuneIstat) {
      params.push(args.comuneIstat);
      conditions.push(`n.comune_istat = $${params.length}`);
    }
    if (args.unmatchedForHours !== undefined) {
      params.push(args.unmatchedForHours);
      conditions.push(
        `n.status = 'open' AND coalesce(n.opened_at, n.created_at) <= now() - make_interval(hours => $${params.length})`,
      );
    }
    conditions.push(...afterCursorCondition(args.after, '(n.created_at, n.id)', 'ASC', params));
    params.push(args.first + 1);
    const rows: (NeedRow & CursorAt)[] = await this.dataSource.query(
      `SELECT ${needColumns(this.publishedCondition())}, ${cursorAtColumn('n.created_at')}
         FROM needs n LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
        WHERE ${conditions.join(' AND ')} ORDER BY n.created_at, n.id LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, args.first, (row) => [row.cursorAt, row.id]);
    return { items: await this.toNeeds(page.items, user), pageInfo: page.pageInfo };
  }

  /** Status changes of a need, oldest first: for its author, the person it is for, and Comune staff. */
  async needHistory(user: AuthenticatedUser, needId: string): Promise<NeedStatusChange[]> {
    const need = await this.need(user, needId);
    const allowed =
      need.access === 'owner' ||
      need.access === 'staff' ||
      need.authorUserId === user.userId ||
      this.access.isPlatformAdmin(user);
    if (!allowed) throw new DomainError('FORBIDDEN');
    return readStatusHistory<NeedStatusChange>(this.dataSource, NEED_HISTORY_ENTITY, needId);
  }

  // ----- personal fields (resolved per field, so reads happen only when asked for) -----

  readAddress(need: Need): string | null {
    if (need.access === 'none' || !need.addressEncrypted) return null;
    return this.cipher.decrypt(need.addressEncrypted);
  }

  /** Sensitive notes: the people the need is for, staff of the territory (audited), the confirmed helper. */
  async readSensitiveNotes(need: Need, viewer?: AuthenticatedUser): Promise<string | null> {
    if (need.access === 'none' || !need.sensitiveNotesEncrypted) return null;
    if (need.access === 'staff') {
      // Health data: staff read it only from a SPID level 2+ or CIE session (issue 20).
      this.access.requireStepUp(viewer);
      // The audit entry is written before the notes are decrypted: no read goes unrecorded.
      await writeAudit(this.dataSource.manager, {
        actorUserId: need.viewerUserId,
        action: 'need.sensitive_notes_read',
        entityType: 'need',
        entityId: need.id,
        territoryId: await firstTerritoryOf(this.dataSource.manager, need.comuneIstat),
      });
    }
    return this.cipher.decrypt(need.sensitiveNotesEncrypted);
  }

  /** The person a need is for: the people concerned and staff of the territory (staff reads audited). */
  async readBeneficiary(need: Need, request: object): Promise<Beneficiary | null> {
    if ((need.access !== 'owner' && need.access !== 'staff') || !need.beneficiaryId) return null;
    const beneficiary = await this.beneficiaries.for(request).load(need.beneficiaryId);
    if (
      need.access === 'staff' &&
      (beneficiary?.fullName || beneficiary?.phone || beneficiary?.codiceFiscale)
    ) {
      await writeAudit(this.dataSource.manager, {
        actorUserId: need.viewerUserId,
        action: 'need.beneficiary_read',
        entityType: 'need',
        entityId: need.id,
        territoryId: await firstTerritoryOf(this.dataSource.manager, need.comuneIstat),
        details: { beneficiaryId: need.beneficiaryId },
      });
    }
    return beneficiary;
  }

  /** Per request: a page of needs loads its beneficiaries in one query. */
  private readonly beneficiaries = new RequestLoader<string, Beneficiary | null>(async (ids) => {
    const rows: {
      id: string;
      kind: BeneficiaryKind;
      full_name_encrypted: string | null;
      phone_encrypted: string | null;
      codice_fiscale_encrypted: string | null;
      relationship: string | null;
      consent_recorded_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT id, kind, full_name_encrypted, phone_encrypted, codice_fiscale_encrypted, relationship,
              consent_recorded_at
         FROM beneficiaries WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return oneByKey(
      ids,
      rows,
      (row) => row.id,
      null,
      (row) => ({
        id: row.id,
        kind: row.kind,
        fullName: row.full_name_encrypted ? this.cipher.decrypt(row.full_name_encrypted) : null,
        phone: row.phone_encrypted ? this.cipher.decrypt(row.phone_encrypted) : null,
        codiceFiscale: this.codiciFiscali.open(row.codice_fiscale_encrypted),
        relationship: row.relationship,
        consentRecordedAt: row.consent_recorded_at,
      }),
    );
  });

  /**
   * Hook for matching: the helper whose engagement on this need is confirmed (or under way) may
   * read its address and sensitive notes. Engagements are matching's table; only this read is here.
   */
  protected async isConfirmedHelper(needId: string, userId: string): Promise<boolean> {
    return (await this.confirmedHelperOf([needId], userId)).has(needId);
  }

  /**
   * Whether the need was proposed to this user (as a volunteer, or to an organisation they belong
   * to) and the proposal is open or accepted, or they are the helper of an engagement on it.
   * Proposals and engagements are matching's tables; only this read is here.
   */
  private async isProposedHelper(needId: string, userId: string): Promise<boolean> {
    const [row]: { proposed: boolean }[] = await this.dataSource.query(
      `WITH memberships AS (
         SELECT organisation_id FROM user_roles WHERE user_id = $2 AND organisation_id IS NOT NULL)
       SELECT EXISTS (
         SELECT 1 FROM match_proposals p
          WHERE p.need_id = $1 AND p.status IN ('pending', 'accepted')
            AND (p.helper_user_id = $2 OR p.organisation_id IN (SELECT organisation_id FROM memberships))
         UNION ALL
         SELECT 1 FROM engagements e
          WHERE e.need_id = $1
            AND (e.helper_user_id = $2 OR e.organisation_id IN (SELECT organisation_id FROM memberships))
       ) AS proposed`,
      [needId, userId],
    );
    return row.proposed;
  }

  /** Of these needs, those on which the user is the confirmed helper: one query for a whole page. */
  private async confirmedHelperOf(needIds: string[], userId: string): Promise<Set<string>> {
    if (!needIds.length) return new Set();
    const rows: { need_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT need_id FROM engagements WHERE need_id = ANY($1::uuid[]) AND helper_user_id = $2
          AND status IN ('confirmed', 'in_progress')`,
      [needIds, userId],
    );
    return new Set(rows.map((row) => row.need_id));
  }

  // ----- internals -----

  /** Checks that need no database: the time window and the category details. */
  private checkContent(input: NeedContentInput): void {
    if (input.windowEnd.getTime() <= input.windowStart.getTime()) {
      throw new DomainError('NEED_WINDOW_REVERSED', { field: 'windowEnd' });
    }
    if (input.windowEnd.getTime() <= Date.now()) {
      throw new DomainError('NEED_WINDOW_PAST', { field: 'windowEnd' });
    }
    const details = input.details;
    if (input.category === NeedCategory.RIDES_AND_ACCOMPANIMENT) {
      const ride = details?.ride;
      if (!ride) throw new DomainError('NEED_DETAILS_REQUIRED', { field: 'details.ride' });
      const appointment = ride.appointmentAt.getTime();
      if (appointment < input.windowStart.getTime() || appointment > input.windowEnd.getTime()) {
        throw new DomainError('NEED_APPOINTMENT_OUTSIDE_WINDOW', { field: 'details.ride.appointmentAt' });
      }
      if (ride.returnTripWanted && !ride.returnAt) {
        throw new DomainError('FIELD_REQUIRED', { field: 'details.ride.returnAt' });
      }
      if (ride.returnAt && ride.returnAt.getTime() <= appointment) {
        throw new DomainError('NEED_RETURN_BEFORE_APPOINTMENT', { field: 'details.ride.returnAt' });
      }
    } else if (details?.ride) {
      throw new DomainError('NEED_DETAILS_NOT_FOR_CATEGORY', { field: 'details.ride' });
    }
    if (input.category === NeedCategory.SHARED_CAREGIVER) {
      const care = details?.sharedCaregiver;
      if (!care) throw new DomainError('NEED_DETAILS_REQUIRED', { field: 'details.sharedCaregiver' });
      care.weeklySchedule.forEach((slot, index) => {
        if (slot.end <= slot.start) {
          throw new DomainError('NEED_SLOT_REVERSED', {
            field: `details.sharedCaregiver.weeklySchedule.${index}.end`,
          });
        }
      });
    } else if (details?.sharedCaregiver) {
      throw new DomainError('NEED_DETAILS_NOT_FOR_CATEGORY', { field: 'details.sharedCaregiver' });
    }
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
      const [comune]: { km: number }[] = await manager.query(
        `SELECT earth_distance(ll_to_earth(lat, lon), ll_to_earth($2, $3)) / 1000 AS km FROM comuni WHERE istat = $1`,
        [input.comuneIstat, lat, lon],
      );
      if (!comune) throw new DomainError('COMUNE_NOT_FOUND', { field: 'comuneIstat' });
      if (comune.km > MAX_KM_FROM_COMUNE)
        throw new DomainError('NEED_LOCATION_FAR_FROM_COMUNE', { field: 'location' });
      return { comuneIstat: input.comuneIstat, lat, lon };
    }
    const [nearest]: { istat: string; km: number }[] = await manager.query(
      `SELECT istat, earth_distance(ll_to_earth(lat, lon), ll_to_earth($1, $2)) / 1000 AS km FROM comuni
        ORDER BY ll_to_earth(lat, lon) <-> ll_to_earth($1, $2) LIMIT 1`,
      [lat, lon],
    );
    if (!nearest || nearest.km > MAX_KM_FROM_COMUNE) {
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
      // Category and public description only: never the address or the sensitive notes.
      summary: `${input.category}: ${description}`,
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
              ${value(JSON.stringify(this.storedDetails(input)), 'jsonb')}, ${author}, ready.beneficiary_id,
              CASE WHEN s.status = 'open' THEN now() END
         FROM ${ready} ready
        CROSS JOIN ${item} item
        CROSS JOIN LATERAL (SELECT CASE WHEN item.status = ${value(ModerationStatus.PENDING, 'text')}
                                        THEN ${value(NeedStatus.SUBMITTED, 'text')}
                                        ELSE ${value(NeedStatus.OPEN, 'text')} END AS status) s
       RETURNING id, status`,
    );
    statement.with(
      'need_history',
      `INSERT INTO status_history (entity_type, entity_id, from_status, to_status, actor_user_id, reason)
       SELECT ${value(NEED_HISTORY_ENTITY, 'text')}, id, NULL, status, ${author},
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

  private storedDetails(input: NeedContentInput): StoredDetails {
    const ride = input.details?.ride;
    const care = input.details?.sharedCaregiver;
    if (input.category === NeedCategory.RIDES_AND_ACCOMPANIMENT && ride) {
      return {
        ride: {
          pickupPlace: ride.pickupPlace.trim(),
          pickupLocation: { lat: ride.pickupLocation.lat, lon: ride.pickupLocation.lon },
          destinationPlace: ride.destinationPlace.trim(),
          destinationLocation: { lat: ride.destinationLocation.lat, lon: ride.destinationLocation.lon },
          appointmentAt: ride.appointmentAt.toISOString(),
          returnTripWanted: ride.returnTripWanted,
          returnAt: ride.returnTripWanted && ride.returnAt ? ride.returnAt.toISOString() : null,
          wheelchair: ride.wheelchair,
          escortWaits: ride.escortWaits,
          passengers: ride.passengers,
        },
      };
    }
    if (input.category === NeedCategory.SHARED_CAREGIVER && care) {
      return {
        sharedCaregiver: {
          weeklyHours: care.weeklyHours,
          weeklySchedule: care.weeklySchedule.map(({ dayOfWeek, start, end }) => ({ dayOfWeek, start, end })),
          willingToShare: care.willingToShare,
          maxPricePerHourCents: care.maxPricePerHourCents ?? null,
        },
      };
    }
    return {};
  }

  private publishedCondition(): string {
    return this.moderation.publishedCondition(ContentType.NEED, 'n.id');
  }

  private async findNeed(manager: EntityManager, id: string): Promise<NeedRow> {
    if (!isUUID(id)) throw new DomainError('NEED_NOT_FOUND', { field: 'id' });
    const [row]: NeedRow[] = await manager.query(
      `SELECT ${needColumns(this.publishedCondition())} FROM needs n LEFT JOIN beneficiaries b ON b.id = n.beneficiary_id
        WHERE n.id = $1`,
      [id],
    );
    if (!row) throw new DomainError('NEED_NOT_FOUND', { field: 'id' });
    return row;
  }

  private async lockNeed(manager: EntityManager, id: string): Promise<NeedRow> {
    const [locked]: unknown[] = await manager.query(`SELECT 1 FROM needs WHERE id = $1 FOR NO KEY UPDATE`, [
      id,
    ]);
    if (!locked) throw new DomainError('NEED_NOT_FOUND', { field: 'needId' });
    return this.findNeed(manager, id);
  }

  /**
   * Comuni where the user holds a real staff grant. Platform admins run the platform; they are
   * not the Comune's social services, so their role alone opens no personal data.
   */
  private async staffComuni(user: AuthenticatedUser): Promise<Set<string>> {
    const grants = { ...user, roles: user.roles.filter((grant) => grant.role !== Role.PLATFORM_ADMIN) };
    const scope = this.access.scope(grants, COMUNE_STAFF_ROLES);
    if (scope.all || !scope.territoryIds.length) return new Set();
    const params: unknown[] = [];
    const condition = this.access.territoryCondition(scope, 'territory_id', params);
    const rows: { comune_istat: string }[] = await this.dataSource.query(
      `SELECT DISTINCT comune_istat FROM territory_comuni WHERE ${condition}`,
      params,
    );
    return new Set(rows.map((row) => row.comune_istat));
  }

  private async accessFor(
    user: AuthenticatedUser,
    row: NeedRow,
    staffComuni?: Set<string>,
    helping?: Set<string>,
  ): Promise<NeedAccess> {
    if (row.beneficiaryUserId === user.userId) return 'owner';
    if (row.source === NeedSource.CITIZEN && row.authorUserId === user.userId) return 'owner';
    if ((staffComuni ?? (await this.staffComuni(user))).has(row.comuneIstat)) return 'staff';
    if (helping ? helping.has(row.id) : await this.isConfirmedHelper(row.id, user.userId)) return 'helper';
    return 'none';
  }

  /** A page of needs as the caller may see them, with a fixed number of queries whatever its size. */
  private async toNeeds(rows: NeedRow[], user: AuthenticatedUser): Promise<Need[]> {
    const [staffComuni, helping] = await Promise.all([
      this.staffComuni(user),
      this.confirmedHelperOf(
        rows.map((row) => row.id),
        user.userId,
      ),
    ]);
    return Promise.all(
      rows.map(async (row) => this.toNeed(row, user, await this.accessFor(user, row, staffComuni, helping))),
    );
  }

  private toNeed(row: NeedRow, user: AuthenticatedUser, access: NeedAccess): Need {
    const exact = access !== 'none';
    return {
      id: row.id,
      source: row.source,
      status: row.status,
      category: row.category,
      description: row.description,
      comuneIstat: row.comuneIstat,
      location: exact
        ? { lat: row.lat, lon: row.lon }
        : { lat: approximate(row.lat), lon: approximate(row.lon) },
      windowStart: row.windowStart,
      windowEnd: row.windowEnd,
      urgency: row.urgency,
      language: row.language,
      accessibilityNeeds: row.accessibilityNeeds,
      maxDistanceKm: row.maxDistanceKm,
      details: this.toDetails(row.details, exact),
      visibleToHelpers: row.status === NeedStatus.OPEN && row.published,
      openedAt: row.openedAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      access,
      viewerUserId: user.userId,
      authorUserId: row.authorUserId,
      beneficiaryId: row.beneficiaryId,
      addressEncrypted: row.addressEncrypted,
      sensitiveNotesEncrypted: row.sensitiveNotesEncrypted,
    };
  }

  private toDetails(stored: StoredDetails, exact: boolean): NeedDetails {
    const ride = stored.ride;
    const care = stored.sharedCaregiver;
    return {
      ride: ride
        ? {
            ...ride,
            // The pickup is usually the person's home: exact only for those who may see the address.
            pickupPlace: exact ? ride.pickupPlace : null,
            pickupLocation: exact
              ? ride.pickupLocation
              : { lat: approximate(ride.pickupLocation.lat), lon: approximate(ride.pickupLocation.lon) },
            appointmentAt: new Date(ride.appointmentAt),
            returnAt: ride.returnAt ? new Date(ride.returnAt) : null,
          }
        : null,
      sharedCaregiver: care ?? null,
    };
  }
}
