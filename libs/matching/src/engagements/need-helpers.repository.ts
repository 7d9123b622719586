import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { organisationsOfMemberSql, organisationsWorkedForSql } from '@prossimo/identity';
import { firstRow, queryPrepared } from '@prossimo/platform';
import { NEED_HELPERS, NeedHelpersSource } from '@prossimo/requests';
import { DataSource } from 'typeorm';

/**
 * Matching's side of requests' NEED_HELPERS port: who a need was proposed to and who helps on it,
 * read from matching's proposals and engagements.
 */
@Injectable()
export class NeedHelpersQuery implements NeedHelpersSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async isProposedHelper(needId: string, userId: string): Promise<boolean> {
    const row = await firstRow<{ proposed: boolean }>(
      this.dataSource,
      `WITH memberships AS ${organisationsOfMemberSql('$2')}
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
    return row!.proposed;
  }

  async needsConfirmedHelperOf(needIds: readonly string[], userId: string): Promise<string[]> {
    // With every page of myNeeds that has items (a citizen's home screen): prepared, as planning
    // it cost several times its execution.
    const rows = await queryPrepared<{ need_id: string }>(
      this.dataSource,
      `SELECT DISTINCT e.need_id FROM engagements e
        WHERE e.need_id = ANY($1::uuid[]) AND e.status IN ('confirmed', 'in_progress')
          AND (e.helper_user_id = $2
            OR e.organisation_id IN ${organisationsWorkedForSql('$2')})`,
      [needIds, userId],
    );
    return rows.map((row) => row.need_id);
  }
}

/**
 * Gives requests its NEED_HELPERS wherever its services are used: import once in each app's root
 * module (as EngagementSidesModule).
 */
@Global()
@Module({
  providers: [{ provide: NEED_HELPERS, useClass: NeedHelpersQuery }],
  exports: [NEED_HELPERS],
})
export class NeedHelpersModule {}
