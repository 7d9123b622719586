import { Injectable } from '@nestjs/common';
import { AccessService, AuthenticatedUser, COMUNE_STAFF_ROLES } from '@prossimo/identity';
import { mapPage, Page, renderMessage, RequestContext, toPage } from '@prossimo/platform';
import { UnmatchedNeed, UnmatchedNeedsArgs } from '../matching.types';
import { UnmatchedNeedsRepository } from './unmatched-needs.repository';

/** Comune staff's follow-up list: open needs matching gave up on, with the reason. */
@Injectable()
export class UnmatchedNeedsService {
  constructor(
    private readonly access: AccessService,
    private readonly unmatched: UnmatchedNeedsRepository,
  ) {}

  /** Comune staff: open needs matching gave up on, with the reason, oldest first. */
  async unmatchedNeeds(user: AuthenticatedUser, args: UnmatchedNeedsArgs): Promise<Page<UnmatchedNeed>> {
    this.access.requireRole(user, COMUNE_STAFF_ROLES);
    const scope = this.access.scope(user, COMUNE_STAFF_ROLES);
    const params: unknown[] = [];
    const scopeCondition = this.access.comuneCondition(scope, 'ms.comune_istat', params);
    const rows = await this.unmatched.findUnmatchedNeedsPage(scopeCondition, params, args);
    const page = toPage(rows, args.first, (row) => [row.cursorAt, row.needId]);
    const language = RequestContext.language();
    return mapPage(page, ({ cursorAt: _cursorAt, ...row }) => ({
      ...row,
      reasonText: renderMessage(`UNMATCHED_${row.reason.toUpperCase()}`, language, {}),
    }));
  }
}
