import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AccessService,
  AccountSuspensionRepository,
  AuthenticatedUser,
  COMUNE_STAFF_ROLES,
  Role,
} from '@prossimo/identity';
import { NotificationsService } from '@prossimo/notifications';
import {
  CombinedStatement,
  DomainError,
  Page,
  recordStatusChange,
  toPage,
  writeAudit,
} from '@prossimo/platform';
import { firstTerritoryOf, joinTerritoryComuniSql } from '@prossimo/territory';
import { DataSource, EntityManager } from 'typeorm';
import { ModerationItemsRepository } from './moderation-items.repository';
import { itemPublishedSql } from './moderation-sql.repository';
import { RedactionSpan } from '../redaction/redaction';
import {
  ContentType,
  ModerateContentInput,
  ModerationDecision,
  ModerationItem,
  ModerationMode,
  ModerationModeSetting,
  ModerationQueueArgs,
  ModerationStatus,
  ReportContentInput,
  SetModerationModeInput,
  SuspendUserInput,
} from './moderation.types';

/** Content with this many distinct reports is hidden until a moderator decides. */
export const REPORTS_TO_HIDE = 3;

/** What a mode means when the territory has not chosen one. */
const DEFAULT_MODES: Record<ContentType, ModerationMode> = {
  [ContentType.ORGANISATION]: ModerationMode.PRE,
  [ContentType.SERVICE_OFFER]: ModerationMode.POST,
  [ContentType.VOLUNTEER_PROFILE]: ModerationMode.POST,
  [ContentType.VOLUNTEER_OFFER]: ModerationMode.POST,
  [ContentType.NEED]: ModerationMode.POST,
  [ContentType.CALL_TO_ACTION]: ModerationMode.POST,
  [ContentType.REVIEW]: ModerationMode.PRE,
  [ContentType.REVIEW_REPLY]: ModerationMode.PRE,
  // Private messages go at once; those screened for a number, an address or an insult are held.
  [ContentType.ENGAGEMENT_MESSAGE]: ModerationMode.POST,
};

const DECISION_STATUS: Record<ModerationDecision, ModerationStatus> = {
  [ModerationDecision.APPROVE]: ModerationStatus.PUBLISHED,
  [ModerationDecision.RESTORE]: ModerationStatus.PUBLISHED,
  [ModerationDecision.REJECT]: ModerationStatus.REJECTED,
  [ModerationDecision.HIDE]: ModerationStatus.HIDDEN,
  [ModerationDecision.REDACT]: ModerationStatus.PUBLISHED,
};

export interface SubmittedContent {
  contentType: ContentType;
  contentId: string;
  comuneIstat: string;
  authorUserId: string | null;
  /** Shown in the moderators' queue: a title, never sensitive notes. */
  summary: string;
}

export interface SubmitOptions {
  /** Held for a moderator whatever the mode (e.g. a comment screened for insults or personal data). */
  hold?: boolean;
  /** Nothing a moderator needs to read (stars without a comment): published, outside the queue, still reportable. */
  nothingToReview?: boolean;
}

/**
 * One moderation mechanism for every kind of content. A library that stores user content calls
 * submit() in the same transaction, and filters public lists with publishedCondition().
 */
/** Called in the decision's transaction, so that a library can act on its own records at once. */
export type ModerationDecisionHandler = (
  manager: EntityManager,
  contentId: string,
  status: ModerationStatus,
  actorUserId: string,
) => Promise<void>;

/**
 * Removes the spans from the content's text (applyRedactions) in the decision's transaction;
 * answers how many parts were removed. Registered by the library that stores the text.
 */
export type ModerationRedactionHandler = (
  manager: EntityManager,
  contentId: string,
  spans: readonly RedactionSpan[],
) => Promise<number>;

/** Called in the transaction of any status change: a decision, or reports hiding the content. */
export type ModerationStatusHandler = (
  manager: EntityManager,
  contentId: string,
  status: ModerationStatus,
  actorUserId: string | null,
) => Promise<void>;

@Injectable()
export class ModerationService {
  private readonly decisionHandlers = new Map<ContentType, ModerationDecisionHandler>();
  private readonly statusHandlers = new Map<ContentType, ModerationStatusHandler>();
  private readonly redactionHandlers = new Map<ContentType, ModerationRedactionHandler>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
    private readonly items: ModerationItemsRepository,
    private readonly accounts: AccountSuspensionRepository,
  ) {}

  /** A library that keeps its own status for a content type (needs open when approved) registers here. */
  onDecision(contentType: ContentType, handler: ModerationDecisionHandler): void {
    this.decisionHandlers.set(contentType, handler);
  }

  /** A library whose content a moderator may publish with parts removed (reviews) registers here. */
  onRedaction(contentType: ContentType, handler: ModerationRedactionHandler): void {
    this.redactionHandlers.set(contentType, handler);
  }

  /** A library that mirrors the status on its own records (reviews) registers here. */
  onStatusChange(contentType: ContentType, handler: ModerationStatusHandler): void {
    this.statusHandlers.set(contentType, handler);
  }

  /**
   * Registers new (or edited) content; returns its status (pending under pre-moderation or when
   * held). Edited content that was published goes back to pending when it must be checked first.
   * One statement: the territory's mode is read inside the INSERT (submitIn).
   */
  async submit(
    manager: EntityManager,
    content: SubmittedContent,
    options: SubmitOptions = {},
  ): Promise<ModerationStatus> {
    const statement = new CombinedStatement();
    const item = this.submitIn(
      statement,
      {
        contentType: content.contentType,
        contentId: statement.param(content.contentId, 'uuid'),
        comuneIstat: statement.param(content.comuneIstat, 'char(6)'),
        authorUserId: content.authorUserId,
        summary: content.summary,
      },
      options,
    );
    const [row]: { status: ModerationStatus }[] = await statement.run(manager, `SELECT status FROM ${item}`);
    return row.status;
  }

  /**
   * submit() as a part of the caller's combined statement, for content whose id or Comune the
   * statement itself works out: `contentId` and `comuneIstat` are SQL, over the rows of `from`
   * (a part's name) when given, one item per row (none: nothing written). The mode is the
   * strictest of the territories covering the Comune, or the content type's default. Returns the
   * part's name; its column `status` is what submit() returns.
   */
  submitIn(
    statement: CombinedStatement,
    content: {
      contentType: ContentType;
      /** SQL of the content's id (a parameter, or a column of `from`). */
      contentId: string;
      /** SQL of the Comune's ISTAT code. */
      comuneIstat: string;
      authorUserId: string | null;
      summary: string;
      from?: string;
    },
    options: SubmitOptions = {},
  ): string {
    const type = statement.param(content.contentType, 'text');
    const nothingToReview = statement.param(options.nothingToReview === true, 'boolean');
    const preByDefault = DEFAULT_MODES[content.contentType] === ModerationMode.PRE;
    return statement.with(
      'moderation_item',
      `INSERT INTO moderation_items (content_type, content_id, comune_istat, author_user_id, status, needs_review, summary)
       SELECT ${type}, ${content.contentId}, ${content.comuneIstat}, ${statement.param(content.authorUserId, 'uuid')},
              CASE WHEN ${statement.param(options.hold === true, 'boolean')} OR (NOT ${nothingToReview} AND (
                     SELECT coalesce(bool_or(ms.mode = 'pre'), ${statement.param(preByDefault, 'boolean')})
                       FROM moderation_settings ms ${joinTerritoryComuniSql('tc', 'ms.territory_id')}
                      WHERE tc.comune_istat = ${content.comuneIstat} AND ms.content_type = ${type}))
                   THEN 'pending' ELSE 'published' END,
              NOT ${nothingToReview}, ${statement.param(content.summary.slice(0, 300), 'text')}
         ${content.from ? `FROM ${content.from}` : ''}
       ON CONFLICT (content_type, content_id) DO UPDATE
         SET summary = excluded.summary, comune_istat = excluded.comune_istat,
             needs_review = moderation_items.needs_review OR excluded.needs_review,
             status = CASE WHEN moderation_items.status = 'published' AND excluded.status = 'pending' THEN 'pending'
                           ELSE moderation_items.status END
       RETURNING status`,
    );
  }

  /** SQL condition: the content with id column `idColumn` is published. */
  publishedCondition(contentType: ContentType, idColumn: string): string {
    return itemPublishedSql(contentType, idColumn);
  }

  /** Every content type's mode in a territory: its choice, or the default. Comune staff of the territory. */
  async modes(user: AuthenticatedUser, territoryId: string): Promise<ModerationModeSetting[]> {
    this.access.requireTerritoryRole(user, territoryId, COMUNE_STAFF_ROLES);
    const rows = await this.items.modesOfTerritory(territoryId);
    const chosen = new Map(rows.map((row) => [row.contentType, row.mode]));
    return Object.values(ContentType).map((contentType) => ({
      contentType,
      mode: chosen.get(contentType) ?? DEFAULT_MODES[contentType],
      isDefault: !chosen.has(contentType),
    }));
  }

  async setMode(user: AuthenticatedUser, input: SetModerationModeInput): Promise<ModerationMode> {
    this.access.requireTerritoryRole(user, input.territoryId, [Role.COMUNE_MODERATOR]);
    await this.dataSource.transaction(async (manager) => {
      await this.items.upsertMode(manager, input.territoryId, input.contentType, input.mode);
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'moderation.mode_set',
        entityType: 'territory',
        entityId: input.territoryId,
        territoryId: input.territoryId,
        details: { contentType: input.contentType, mode: input.mode },
      });
    });
    return input.mode;
  }

  async queue(user: AuthenticatedUser, args: ModerationQueueArgs): Promise<Page<ModerationItem>> {
    this.access.requireRole(user, [Role.COMUNE_MODERATOR]);
    const scope = this.access.scope(user, [Role.COMUNE_MODERATOR]);
    const params: unknown[] = [];
    const conditions = [this.access.comuneCondition(scope, 'comune_istat', params)];
    if (args.status) {
      params.push(args.status);
      conditions.push(`status = $${params.length}`);
    } else {
      conditions.push('needs_review');
    }
    if (args.contentType) {
      params.push(args.contentType);
      conditions.push(`content_type = $${params.length}`);
    }
    const rows = await this.items.queuePage(conditions, params, args);
    return toPage(rows, args.first, (row) => [row.cursorAt, row.contentId]);
  }

  /** Anyone signed in may report a piece of content once; the third report hides it. */
  async report(user: AuthenticatedUser, input: ReportContentInput): Promise<ModerationItem> {
    return this.dataSource.transaction(async (manager) => {
      const item = await this.lockItem(manager, input.contentType, input.contentId);
      const inserted = await this.items.insertReport(
        manager,
        input.contentType,
        input.contentId,
        user.userId,
        input.reason,
      );
      if (!inserted) throw new DomainError('ALREADY_REPORTED', { field: 'contentId' });
      const hide = item.reportCount + 1 >= REPORTS_TO_HIDE && item.status === ModerationStatus.PUBLISHED;
      const updated = await this.items.countReport(manager, input.contentType, input.contentId, hide);
      if (hide) {
        await recordStatusChange(manager, {
          entityType: input.contentType,
          entityId: input.contentId,
          from: item.status,
          to: ModerationStatus.HIDDEN,
          actorUserId: null,
          reason: `${REPORTS_TO_HIDE} reports`,
        });
        await this.statusHandlers.get(input.contentType)?.(
          manager,
          input.contentId,
          ModerationStatus.HIDDEN,
          null,
        );
      }
      return updated;
    });
  }

  async decide(user: AuthenticatedUser, input: ModerateContentInput): Promise<ModerationItem> {
    return this.dataSource.transaction(async (manager) => {
      const item = await this.lockItem(manager, input.contentType, input.contentId);
      await this.access.requireComuneRole(user, item.comuneIstat, [Role.COMUNE_MODERATOR], manager);
      const to = DECISION_STATUS[input.decision];
      const redacted = await this.redact(manager, input);
      const updated = await this.items.recordDecision(manager, input.contentType, input.contentId, to);
      await recordStatusChange(manager, {
        entityType: input.contentType,
        entityId: input.contentId,
        from: item.status,
        to,
        actorUserId: user.userId,
        // The history says what was removed (where, not what: the removed text is gone).
        reason: redacted
          ? `redacted ${redacted} part(s) at ${spansText(input.redactions ?? [])}: ${input.reason}`
          : input.reason,
      });
      const territoryId = await firstTerritoryOf(manager, item.comuneIstat);
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: `moderation.${input.decision}`,
        entityType: input.contentType,
        entityId: input.contentId,
        territoryId,
        details: redacted
          ? { from: item.status, to, redactions: input.redactions?.map(({ start, end }) => ({ start, end })) }
          : { from: item.status, to },
      });
      await this.decisionHandlers.get(input.contentType)?.(manager, input.contentId, to, user.userId);
      await this.statusHandlers.get(input.contentType)?.(manager, input.contentId, to, user.userId);
      await this.notifyAuthor(manager, item, to, input.reason);
      return updated;
    });
  }

  /** REDACT removes the spans through the content's library; other decisions take no spans. */
  private async redact(manager: EntityManager, input: ModerateContentInput): Promise<number> {
    if (input.decision !== ModerationDecision.REDACT) {
      if (input.redactions?.length)
        throw new DomainError('REDACTION_ONLY_WITH_REDACT', { field: 'redactions' });
      return 0;
    }
    const handler = this.redactionHandlers.get(input.contentType);
    if (!handler) throw new DomainError('REDACTION_NOT_SUPPORTED', { field: 'contentType' });
    if (!input.redactions?.length) throw new DomainError('REDACTION_INVALID', { field: 'redactions' });
    return handler(manager, input.contentId, input.redactions);
  }

  async suspendUser(user: AuthenticatedUser, input: SuspendUserInput): Promise<boolean> {
    this.access.requireRole(user, [Role.COMUNE_MODERATOR]);
    const suspended = await this.dataSource.transaction(async (manager) => {
      // A moderator may suspend someone who published in their territory; an admin anyone.
      const scope = this.access.scope(user, [Role.COMUNE_MODERATOR]);
      const params: unknown[] = [input.userId];
      const condition = this.access.comuneCondition(scope, 'comune_istat', params);
      const authoredComune = await this.items.authoredComune(manager, condition, params);
      if (!authoredComune && !scope.all) throw new DomainError('FORBIDDEN');
      const updated = await this.accounts.suspendActiveUser(manager, input.userId);
      if (!updated) throw new DomainError('USER_NOT_FOUND', { field: 'userId' });
      await this.accounts.revokeSessions(manager, input.userId);
      await recordStatusChange(manager, {
        entityType: 'user',
        entityId: input.userId,
        from: 'active',
        to: 'suspended',
        actorUserId: user.userId,
        reason: input.reason,
      });
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'user.suspended',
        entityType: 'user',
        entityId: input.userId,
        territoryId: authoredComune ? await firstTerritoryOf(manager, authoredComune) : null,
      });
      return true;
    });
    // Committed: this process stops trusting the user's recently checked tokens at once.
    this.access.forgetCheckedSessions(input.userId);
    return suspended;
  }

  private async lockItem(
    manager: EntityManager,
    contentType: ContentType,
    contentId: string,
  ): Promise<ModerationItem> {
    const item = await this.items.lockItem(manager, contentType, contentId);
    if (!item) throw new DomainError('CONTENT_NOT_FOUND', { field: 'contentId' });
    return item;
  }

  private async notifyAuthor(
    manager: EntityManager,
    item: ModerationItem,
    to: ModerationStatus,
    reason: string,
  ) {
    if (!item.authorUserId) return;
    // The author's channels and language, as for every other message (SMS and in-app by default).
    await this.notifications.notifyUser(manager, {
      userId: item.authorUserId,
      event: 'moderation_decision',
      params: { summary: item.summary.slice(0, 40), reason: reason.slice(0, 80) },
      localisedParams: { status: `moderation_status.${to}` },
    });
  }
}

function spansText(spans: readonly RedactionSpan[]): string {
  return [...spans]
    .sort((a, b) => a.start - b.start)
    .map(({ start, end }) => `${start}-${end}`)
    .join(', ');
}
