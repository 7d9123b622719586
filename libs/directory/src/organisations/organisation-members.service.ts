import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AccessService,
  AuthenticatedUser,
  ORGANISATION_ROLES,
  PhoneVerificationService,
  Role,
  UserRolesRepository,
} from '@prossimo/identity';
import { NotificationsService } from '@prossimo/notifications';
import {
  APP_CONFIG,
  AppConfig,
  DomainError,
  FieldCipher,
  mapPage,
  Page,
  renderMessage,
  toPage,
  writeAudit,
} from '@prossimo/platform';
import { DataSource, EntityManager } from 'typeorm';
import {
  InviteOrganisationMemberInput,
  OrganisationInvitation,
  OrganisationMember,
  OrganisationMemberRole,
  OrganisationMembersArgs,
  OrganisationMembership,
  OrganisationMemberStatus,
  RemoveOrganisationMemberInput,
} from '../directory.types';
import { createdAtCursor } from '../paging/keyset';
import {
  AcceptedInvitationRow,
  InvitationRow,
  OrganisationMembersRepository,
} from './organisation-members.repository';
import { OrganisationService } from './organisation.service';

const MEMBER_ROLES: Record<OrganisationMemberRole, Role> = {
  [OrganisationMemberRole.ADMIN]: Role.ORGANISATION_ADMIN,
  [OrganisationMemberRole.OPERATOR]: Role.ORGANISATION_OPERATOR,
};

const MEMBER_ROLE_OF = Object.fromEntries(
  Object.entries(MEMBER_ROLES).map(([memberRole, role]) => [role, memberRole]),
) as Record<string, OrganisationMemberRole>;

function toInvitation(row: InvitationRow): OrganisationInvitation {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    role: MEMBER_ROLE_OF[row.role],
    sentAt: row.sent_at,
    expiresAt: row.expires_at,
  };
}

/** The people of an organisation: invitations by phone, acceptance, roles, removal. */
@Injectable()
export class OrganisationMembersService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly phones: PhoneVerificationService,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: FieldCipher,
    private readonly organisations: OrganisationService,
    private readonly repository: OrganisationMembersRepository,
    private readonly roles: UserRolesRepository,
  ) {}

  onModuleInit(): void {
    // Only a new account: the SMS asked a number that had not signed up to accept by signing up.
    // Someone already signed up was asked in the app to accept or decline; signing in again is no answer.
    this.phones.onPhoneVerified(async (manager, person) => {
      if (person.created) await this.acceptInvitations(manager, person);
    });
  }

  /**
   * Organisation admins invite members by phone. The answer is the same whoever the number belongs
   * to (INVITED, no user id), so that it tells nobody whether a number has signed up. The invitation
   * is stored (the number only as an HMAC and encrypted) and sent: by SMS to a number that has not
   * signed up (signing up with it before the invitation expires accepts it), and on their own
   * channels to a person who has, who accepts or declines it. Sends are limited per organisation
   * and per inviting account in 24 hours, much more tightly before the organisation is accredited;
   * inviting the same number again within a day renews the invitation without sending it again.
   */
  async inviteMember(
    user: AuthenticatedUser,
    input: InviteOrganisationMemberInput,
  ): Promise<OrganisationMember> {
    this.access.requireOrganisationRole(user, input.organisationId, [Role.ORGANISATION_ADMIN]);
    const phone = this.phones.parse(input.phone);
    const role = MEMBER_ROLES[input.role];
    const phoneHmac = this.phones.phoneLookupHmac(phone);
    const days = this.config.ORGANISATION_INVITATION_TTL_DAYS;
    return this.dataSource.transaction(async (manager) => {
      const organisationName = await this.organisations.lock(manager, input.organisationId);
      const open = await this.repository.findOpenInvitation(manager, input.organisationId, phoneHmac, role);
      const send = !open?.sent_recently;
      // Checked before anything depends on the number, so a refusal says nothing about it.
      if (send) await this.checkInvitationLimits(manager, input.organisationId, user.userId);
      const person = await this.repository.findInvitee(manager, phone, input.organisationId, role, phoneHmac);
      const answer = (expiresAt: Date): OrganisationMember => ({
        organisationId: input.organisationId,
        userId: null,
        role: input.role,
        status: OrganisationMemberStatus.INVITED,
        invitationExpiresAt: expiresAt,
      });
      // Nothing to ask of someone who already has the role, declined this organisation before, or
      // cannot sign in: the same answer, nothing stored, nothing sent.
      if (person && (person.member || person.declined || person.status !== 'active')) {
        return answer(new Date(Date.now() + days * 86_400_000));
      }
      const invitation = open
        ? await this.repository.renewInvitation(manager, open.id, user.userId, days, send)
        : await this.repository.insertInvitation(manager, {
            organisationId: input.organisationId,
            role,
            phoneHmac,
            phoneEncrypted: this.cipher.encrypt(phone),
            invitedByUserId: user.userId,
            days,
          });
      if (send && person) {
        await this.notifications.notifyUser(manager, {
          userId: person.id,
          event: 'organisation_invitation_pending',
          params: { organisation: organisationName, days: String(days) },
          localisedParams: { role: `organisation_role.${input.role}` },
          ref: `organisation_invitation:${invitation.id}`,
        });
      } else if (send) {
        // Nobody knows the invitee's language yet: Italian, the platform's default.
        await this.notifications.queueInTransaction(manager, {
          channel: 'sms',
          recipient: phone,
          event: 'organisation_invitation',
          language: 'it',
          params: {
            organisation: organisationName,
            role: renderMessage(`organisation_role.${input.role}`, 'it'),
            days: String(days),
          },
          ref: `organisation_invitation:${invitation.id}`,
        });
      }
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'organisation_member.invited',
        entityType: 'organisation',
        entityId: input.organisationId,
        details: { invitationId: invitation.id, role, sent: send },
      });
      return answer(invitation.expires_at);
    });
  }

  /** Refuses another send when the organisation or the inviting account used up its day. */
  private async checkInvitationLimits(
    manager: EntityManager,
    organisationId: string,
    inviterUserId: string,
  ): Promise<void> {
    const counts = await this.repository.countInvitationSends(manager, organisationId, inviterUserId);
    const perOrganisation = counts.accredited
      ? this.config.ORGANISATION_INVITES_PER_DAY
      : this.config.ORGANISATION_INVITES_PER_DAY_UNACCREDITED;
    const max = Math.min(perOrganisation, this.config.ORGANISATION_INVITES_PER_ACCOUNT_PER_DAY);
    if (
      counts.organisation_sends >= perOrganisation ||
      counts.account_sends >= this.config.ORGANISATION_INVITES_PER_ACCOUNT_PER_DAY ||
      (!counts.accredited &&
        counts.account_unaccredited_sends >= this.config.ORGANISATION_INVITES_PER_DAY_UNACCREDITED)
    ) {
      throw new DomainError('ORGANISATION_INVITATION_LIMIT', { field: 'phone', params: { max } });
    }
  }

  /** The invitations waiting for the caller's answer (sent to their number, open, not expired). */
  async myInvitations(user: AuthenticatedUser): Promise<OrganisationInvitation[]> {
    const rows = await this.repository.findOpenInvitationsTo(
      await this.callerPhoneHmac(this.dataSource.manager, user),
    );
    return rows.map(toInvitation);
  }

  /**
   * The people of an organisation and their roles, longest-standing first: for its members (and
   * platform admins). Only admins see the numbers: they invite and revoke by them.
   */
  async members(
    user: AuthenticatedUser,
    args: OrganisationMembersArgs,
  ): Promise<Page<OrganisationMembership>> {
    this.access.requireOrganisationMember(user, args.organisationId);
    const rows = await this.roles.organisationMembersPage(
      args.organisationId,
      ORGANISATION_ROLES,
      createdAtCursor(args.after),
      args.first,
    );
    const seesPhones =
      this.access.isPlatformAdmin(user) ||
      this.access.hasOrganisationRole(user, args.organisationId, [Role.ORGANISATION_ADMIN]);
    const page = toPage(rows, args.first, (row) => [row.cursorKey, row.id]);
    return mapPage(page, ({ roleName, cursorKey: _cursorKey, phone, ...row }) => ({
      ...row,
      role: MEMBER_ROLE_OF[roleName],
      phone: seesPhones ? phone : null,
    }));
  }

  /** Admins: the invitations of the organisation still waiting for an answer, newest first, with the number. */
  async sentInvitations(
    user: AuthenticatedUser,
    args: OrganisationMembersArgs,
  ): Promise<Page<OrganisationInvitation>> {
    this.access.requireOrganisationRole(user, args.organisationId, [Role.ORGANISATION_ADMIN]);
    const rows = await this.repository.findSentInvitationsPage(
      args.organisationId,
      createdAtCursor(args.after),
      args.first,
    );
    const page = toPage(rows, args.first, (row) => [row.cursor_key, row.id]);
    return mapPage(page, (row) => ({
      ...toInvitation(row),
      phone: this.cipher.decrypt(row.phone_encrypted),
    }));
  }

  /**
   * Admins withdraw an invitation not yet answered: it lapses now, so it can no longer be accepted
   * (nor by signing up with the number). Inviting the number again later opens it anew.
   */
  async revokeInvitation(user: AuthenticatedUser, invitationId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.repository.lockInvitation(manager, invitationId);
      if (!invitation) throw new DomainError('ORGANISATION_INVITATION_NOT_FOUND', { field: 'invitationId' });
      // Authorisation before the state check: other people learn nothing about the invitation.
      this.access.requireOrganisationRole(user, invitation.organisation_id, [Role.ORGANISATION_ADMIN]);
      if (!invitation.open) {
        throw new DomainError('ORGANISATION_INVITATION_NOT_FOUND', { field: 'invitationId' });
      }
      await this.repository.expireInvitation(manager, invitationId);
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'organisation_member.invitation_revoked',
        entityType: 'organisation',
        entityId: invitation.organisation_id,
        details: { invitationId },
      });
      return true;
    });
  }

  /** The invited person takes the role. */
  async acceptInvitation(user: AuthenticatedUser, invitationId: string): Promise<OrganisationMember> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.openInvitationOf(manager, user, invitationId);
      await this.repository.markInvitationAccepted(manager, invitation.id, user.userId);
      await this.grantMember(manager, {
        organisationId: invitation.organisation_id,
        userId: user.userId,
        role: invitation.role,
        grantedByUserId: invitation.invited_by_user_id,
        invitationId: invitation.id,
      });
      return {
        organisationId: invitation.organisation_id,
        userId: user.userId,
        role: MEMBER_ROLE_OF[invitation.role],
        status: OrganisationMemberStatus.ACTIVE,
        invitationExpiresAt: null,
      };
    });
  }

  /** The invited person says no: the organisation cannot invite that number again. */
  async declineInvitation(user: AuthenticatedUser, invitationId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.openInvitationOf(manager, user, invitationId);
      await this.repository.markInvitationDeclined(manager, invitation.id);
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'organisation_member.invitation_declined',
        entityType: 'organisation',
        entityId: invitation.organisation_id,
        details: { invitationId: invitation.id },
      });
      return true;
    });
  }

  /** An open invitation sent to the caller's number, locked; anything else is not found. */
  private async openInvitationOf(
    manager: EntityManager,
    user: AuthenticatedUser,
    invitationId: string,
  ): Promise<AcceptedInvitationRow> {
    const invitation = await this.repository.lockOpenInvitationTo(
      manager,
      invitationId,
      await this.callerPhoneHmac(manager, user),
    );
    if (!invitation) throw new DomainError('ORGANISATION_INVITATION_NOT_FOUND', { field: 'invitationId' });
    return invitation;
  }

  private async callerPhoneHmac(manager: EntityManager, user: AuthenticatedUser): Promise<Buffer> {
    const phone = await this.roles.phoneOf(manager, user.userId);
    if (phone === undefined) throw new DomainError('UNAUTHENTICATED');
    return this.phones.phoneLookupHmac(phone);
  }

  /** Runs in the transaction that verifies a phone: open invitations to that number become roles. */
  private async acceptInvitations(manager: EntityManager, person: { userId: string; phone: string }) {
    const accepted = await this.repository.acceptOpenInvitationsTo(
      manager,
      this.phones.phoneLookupHmac(person.phone),
      person.userId,
    );
    for (const invitation of accepted) {
      await this.grantMember(manager, {
        organisationId: invitation.organisation_id,
        userId: person.userId,
        role: invitation.role,
        grantedByUserId: invitation.invited_by_user_id,
        invitationId: invitation.id,
      });
      const about = await this.repository.findNameAndLanguage(
        manager,
        invitation.organisation_id,
        person.userId,
      );
      // The SMS invited them; now an in-app note says the role is theirs.
      await this.notifications.queueInTransaction(manager, {
        userId: person.userId,
        channel: 'in_app',
        recipient: person.userId,
        event: 'organisation_invitation',
        language: about.language,
        params: {
          organisation: about.name,
          role: renderMessage(`organisation_role.${MEMBER_ROLE_OF[invitation.role]}`, about.language),
        },
      });
    }
  }

  private async grantMember(
    manager: EntityManager,
    grant: {
      organisationId: string;
      userId: string;
      role: Role;
      grantedByUserId: string;
      invitationId?: string;
    },
  ): Promise<void> {
    await this.roles.grantOrganisationRole(manager, grant);
    this.access.forgetCheckedSessions(grant.userId);
    await writeAudit(manager, {
      actorUserId: grant.grantedByUserId,
      action: 'organisation_member.granted',
      entityType: 'organisation',
      entityId: grant.organisationId,
      details: { userId: grant.userId, role: grant.role, invitationId: grant.invitationId ?? null },
    });
  }

  async removeMember(user: AuthenticatedUser, input: RemoveOrganisationMemberInput): Promise<boolean> {
    this.access.requireOrganisationRole(user, input.organisationId, [Role.ORGANISATION_ADMIN]);
    const roles = input.role ? [MEMBER_ROLES[input.role]] : [...ORGANISATION_ROLES];
    const removed = await this.dataSource.transaction(async (manager) => {
      // The lock serialises membership changes, so two admins cannot remove each other at once.
      await this.organisations.lock(manager, input.organisationId);
      const removed = await this.roles.revokeOrganisationRoles(
        manager,
        input.userId,
        input.organisationId,
        roles,
      );
      if (!removed.length) return false;
      const admins = await this.roles.countOrganisationAdmins(manager, input.organisationId);
      // Someone must stay able to manage the organisation; the throw rolls the delete back.
      if (admins === 0) throw new DomainError('ORGANISATION_LAST_ADMIN', { field: 'userId' });
      await writeAudit(manager, {
        actorUserId: user.userId,
        action: 'organisation_member.revoked',
        entityType: 'organisation',
        entityId: input.organisationId,
        details: { userId: input.userId, roles: removed },
      });
      return true;
    });
    // Committed: the member's recently checked tokens must not keep the removed role.
    if (removed) this.access.forgetCheckedSessions(input.userId);
    return removed;
  }
}
