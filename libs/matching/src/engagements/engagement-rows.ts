// How engagements are read and shown: shared by accepting a proposal and reading engagements.
import { Engagement } from '../matching.types';
import { EngagementStatus } from './engagement-rules';

export interface EngagementRow {
  id: string;
  needId: string;
  helperUserId: string;
  helperName: string;
  organisationId: string | null;
  status: EngagementStatus;
  startsAt: Date;
  endsAt: Date;
  hoursLogged: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
  createdAt: Date;
}

export const ENGAGEMENT_COLUMNS = `e.id, e.need_id AS "needId", e.helper_user_id AS "helperUserId",
  coalesce(o.name, v.display_name, '') AS "helperName", e.organisation_id AS "organisationId", e.status, lower(e.during) AS "startsAt", upper(e.during) AS "endsAt",
  e.hours_logged AS "hoursLogged", e.started_at AS "startedAt", e.completed_at AS "completedAt",
  e.created_at AS "createdAt"`;

export function toEngagement(row: EngagementRow): Engagement {
  return {
    id: row.id,
    needId: row.needId,
    helperUserId: row.helperUserId,
    helperName: row.helperName,
    organisationId: row.organisationId,
    status: row.status,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    hoursLogged: row.hoursLogged === null ? null : Number(row.hoursLogged),
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    createdAt: row.createdAt,
  };
}
