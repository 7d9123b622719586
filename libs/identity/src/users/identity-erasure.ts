import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PhoneVerificationsRepository } from '../phone/phone-verifications.repository';
import { UsersRepository } from './users.repository';

/**
 * Identity's steps of the account erasure that must run in privacy's order, in its transaction:
 * the account locked first (and read with its roles for an erasure by staff), the codes sent to the
 * number deleted among the messages. The account itself, its sessions and roles are erased later by
 * identity's AccountErasureHandlers handler (users/account-erasure.ts).
 */
@Injectable()
export class IdentityErasure {
  constructor(
    private readonly users: UsersRepository,
    private readonly phoneVerifications: PhoneVerificationsRepository,
  ) {}

  /** Locks the account (FOR UPDATE) for the erasure; its number and status, undefined when unknown. */
  lockAccount(
    manager: EntityManager,
    userId: string,
  ): Promise<{ phone_e164: string | null; status: string } | undefined> {
    return this.users.lockForErasure(manager, userId);
  }

  /** The account's status and roles, for an erasure by staff (staff accounts only by an admin). */
  accountWithRoles(
    manager: EntityManager,
    userId: string,
  ): Promise<{ status: string; roles: string[] } | undefined> {
    return this.users.findStatusWithRoles(manager, userId);
  }

  /** The SMS codes sent to the number. */
  async deletePhoneVerificationsOf(manager: EntityManager, phone: string): Promise<void> {
    await this.phoneVerifications.deleteAllOf(manager, phone);
  }
}
