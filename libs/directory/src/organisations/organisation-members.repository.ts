import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role, userRolesAs, usersAs } from '@prossimo/identity';
import { cursorTimestampSql, firstRow, Language, onlyRow, Queryable } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { CreatedAtCursor } from '../paging/keyset';

/** An invitation as read for its invitee or its organisation's admins. */
export interface InvitationRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  role: Role;
  sent_at: Date;
  expires_at: Date;
}

const INVITATION_COLUMNS = `i.id, i.organisation_id, o.name AS organisation_name, i.role, i.sent_at, i.expires_at`;

/** The open invitation of a number to an organisation and role, and whether it was sent in the last day. */
export interface OpenInvitationRow {
  id: string;
  sent_recently: boolean;
}

/** The account of an invited number, if it has signed up. */
export interface InviteeRow {
  id: string;
  status: string;
  member: boolean;
  declined: boolean;
}

export interface StoredInvitationRow {
  id: string;
  expires_at: Date;
}

/** Today's invitation sends of an organisation and of an inviting account. */
export interface InvitationSendCounts {
  accredited: boolean;
  organisation_sends: number;
  account_sends: number;
  account_unaccredited_sends: number;
}

/** An invitation as it becomes a role. */
export interface AcceptedInvitationRow {
  id: string;
  organisation_id: string;
  role: Role;
  invited_by_user_id: string;
}

/** A member of an organisation as listed: its role's name and its cursor key still to map. */
/**
 * The organisation_invitations table, and the membership roles it grants: user_roles and users
 * are identity's tables (each such statement says so).
 */
@Injectable()
export class OrganisationMembersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findOpenInvitation(
    db: Queryable,
    organisationId: string,
    phoneHmac: Buffer,
    role: Role,
  ): Promise<OpenInvitationRow | undefined> {
    return firstRow<OpenInvitationRow>(
      db,
      `SELECT id, sent_at > now() - interval '1 day' AS sent_recently FROM organisation_invitations
          WHERE organisation_id = $1 AND phone_hmac = $2 AND role = $3 AND accepted_at IS NULL AND declined_at IS NULL`,
      [organisationId, phoneHmac, role],
    );
  }

  /** The account of the number, whether it has the role and whether it declined the organisation (users, user_roles: identity). */
  findInvitee(
    db: Queryable,
    phone: string,
    organisationId: string,
    role: Role,
    phoneHmac: Buffer,
  ): Promise<InviteeRow | undefined> {
    return firstRow<InviteeRow>(
      db,
      `SELECT u.id, u.status,
                EXISTS (SELECT 1 FROM ${userRolesAs('r')} WHERE r.user_id = u.id AND r.organisation_id = $2 AND r.role = $3) AS member,
                EXISTS (SELECT 1 FROM organisation_invitations i WHERE i.organisation_id = $2 AND i.phone_hmac = $4
                           AND i.declined_at IS NOT NULL) AS declined
           FROM ${usersAs('u')} WHERE u.phone_e164 = $1`,
      [phone, organisationId, role, phoneHmac],
    );
  }

  /** Extends an open invitation by `days`; `send` marks it sent now. */
  async renewInvitation(
    db: Queryable,
    invitationId: string,
    invitedByUserId: string,
    days: number,
    send: boolean,
  ): Promise<StoredInvitationRow> {
    // UPDATE ... RETURNING comes back from TypeORM as [rows, rowCount].
    const [rows]: [StoredInvitationRow[], number] = await db.query(
      `UPDATE organisation_invitations SET invited_by_user_id = $2, expires_at = now() + make_interval(days => $3),
                    sent_at = CASE WHEN $4 THEN now() ELSE sent_at END
              WHERE id = $1 RETURNING id, expires_at`,
      [invitationId, invitedByUserId, days, send],
    );
    return rows[0];
  }

  insertInvitation(
    db: Queryable,
    invitation: {
      organisationId: string;
      role: Role;
      phoneHmac: Buffer;
      phoneEncrypted: string;
      invitedByUserId: string;
      days: number;
    },
  ): Promise<StoredInvitationRow> {
    return onlyRow<StoredInvitationRow>(
      db,
      `INSERT INTO organisation_invitations
               (organisation_id, role, phone_hmac, phone_encrypted, invited_by_user_id, expires_at)
             VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6))
             RETURNING id, expires_at`,
      [
        invitation.organisationId,
        invitation.role,
        invitation.phoneHmac,
        invitation.phoneEncrypted,
        invitation.invitedByUserId,
        invitation.days,
      ],
    );
  }

  /** The sends of the last 24 hours by the organisation and by the inviting account, and whether the organisation is accredited. */
  countInvitationSends(
    db: Queryable,
    organisationId: string,
    inviterUserId: string,
  ): Promise<InvitationSendCounts> {
    return onlyRow<InvitationSendCounts>(
      db,
      `WITH sends AS (
         SELECT i.organisation_id, i.invited_by_user_id,
                EXISTS (SELECT 1 FROM organisation_accreditations a
                         WHERE a.organisation_id = i.organisation_id AND a.status = 'accredited') AS accredited
           FROM organisation_invitations i
          WHERE (i.organisation_id = $1 OR i.invited_by_user_id = $2) AND i.sent_at > now() - interval '1 day')
       SELECT EXISTS (SELECT 1 FROM organisation_accreditations
                       WHERE organisation_id = $1 AND status = 'accredited') AS accredited,
              count(*) FILTER (WHERE organisation_id = $1)::int AS organisation_sends,
              count(*) FILTER (WHERE invited_by_user_id = $2)::int AS account_sends,
              count(*) FILTER (WHERE invited_by_user_id = $2 AND NOT accredited)::int AS account_unaccredited_sends
         FROM sends`,
      [organisationId, inviterUserId],
    );
  }

  /** The open, unexpired invitations to a number, newest first. */
  findOpenInvitationsTo(phoneHmac: Buffer): Promise<InvitationRow[]> {
    return this.dataSource.query(
      `SELECT ${INVITATION_COLUMNS} FROM organisation_invitations i JOIN organisations o ON o.id = i.organisation_id
        WHERE i.phone_hmac = $1 AND i.accepted_at IS NULL AND i.declined_at IS NULL AND i.expires_at > now()
        ORDER BY i.sent_at DESC, i.id`,
      [phoneHmac],
    );
  }

  /** The organisation's open, unexpired invitations with the encrypted number, newest first; a page plus one. */
  findSentInvitationsPage(
    organisationId: string,
    after: CreatedAtCursor | null,
    first: number,
  ): Promise<(InvitationRow & { phone_encrypted: string; cursor_key: string })[]> {
    const params: unknown[] = [organisationId];
    const conditions = [
      'i.organisation_id = $1',
      'i.accepted_at IS NULL',
      'i.declined_at IS NULL',
      'i.expires_at > now()',
    ];
    if (after) {
      params.push(after[0], after[1]);
      conditions.push(`(i.created_at, i.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(first + 1);
    return this.dataSource.query(
      `SELECT ${INVITATION_COLUMNS}, i.phone_encrypted, ${cursorTimestampSql('i.created_at')} AS cursor_key
         FROM organisation_invitations i JOIN organisations o ON o.id = i.organisation_id
        WHERE ${conditions.join(' AND ')}
        ORDER BY i.created_at DESC, i.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /** Locks the invitation (FOR UPDATE): its organisation and whether it is still open. */
  lockInvitation(
    db: Queryable,
    invitationId: string,
  ): Promise<{ organisation_id: string; open: boolean } | undefined> {
    return firstRow<{ organisation_id: string; open: boolean }>(
      db,
      `SELECT organisation_id, accepted_at IS NULL AND declined_at IS NULL AND expires_at > now() AS open
           FROM organisation_invitations WHERE id = $1 FOR UPDATE`,
      [invitationId],
    );
  }

  /** The invitation lapses now. */
  async expireInvitation(db: Queryable, invitationId: string): Promise<void> {
    await db.query(`UPDATE organisation_invitations SET expires_at = now() WHERE id = $1`, [invitationId]);
  }

  async markInvitationAccepted(db: Queryable, invitationId: string, userId: string): Promise<void> {
    await db.query(
      `UPDATE organisation_invitations SET accepted_at = now(), accepted_by_user_id = $2 WHERE id = $1`,
      [invitationId, userId],
    );
  }

  async markInvitationDeclined(db: Queryable, invitationId: string): Promise<void> {
    await db.query(`UPDATE organisation_invitations SET declined_at = now() WHERE id = $1`, [invitationId]);
  }

  /** Locks the invitation (FOR UPDATE) if it is open, unexpired and sent to this number. */
  lockOpenInvitationTo(
    db: Queryable,
    invitationId: string,
    phoneHmac: Buffer,
  ): Promise<AcceptedInvitationRow | undefined> {
    return firstRow<AcceptedInvitationRow>(
      db,
      `SELECT id, organisation_id, role, invited_by_user_id FROM organisation_invitations
          WHERE id = $1 AND phone_hmac = $2 AND accepted_at IS NULL AND declined_at IS NULL AND expires_at > now()
          FOR UPDATE`,
      [invitationId, phoneHmac],
    );
  }

  /** Accepts every open, unexpired invitation to the number for the user, and answers them. */
  async acceptOpenInvitationsTo(
    db: Queryable,
    phoneHmac: Buffer,
    userId: string,
  ): Promise<AcceptedInvitationRow[]> {
    // UPDATE ... RETURNING comes back from TypeORM as [rows, rowCount].
    const [accepted]: [AcceptedInvitationRow[], number] = await db.query(
      `UPDATE organisation_invitations SET accepted_at = now(), accepted_by_user_id = $2
          WHERE phone_hmac = $1 AND accepted_at IS NULL AND declined_at IS NULL AND expires_at > now()
          RETURNING id, organisation_id, role, invited_by_user_id`,
      [phoneHmac, userId],
    );
    return accepted;
  }

  /** The organisation's name and the user's language (users: identity), for a note to the user. */
  findNameAndLanguage(
    db: Queryable,
    organisationId: string,
    userId: string,
  ): Promise<{ name: string; language: Language }> {
    return onlyRow<{ name: string; language: Language }>(
      db,
      `SELECT o.name, u.language FROM organisations o, ${usersAs('u')} WHERE o.id = $1 AND u.id = $2`,
      [organisationId, userId],
    );
  }
}
