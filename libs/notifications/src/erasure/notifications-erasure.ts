import { Injectable } from '@nestjs/common';
import { FieldCipher } from '@prossimo/platform';
import { EntityManager } from 'typeorm';
import { NotificationsService } from '../delivery/notifications.service';
import { NotificationsErasureRepository } from './notifications-erasure.repository';

/**
 * Notifications' part of the erasures (of an account, of a person without one): the messages that
 * name the person, their own messages, preferences and SMS reply codes. In the erasure's
 * transaction; privacy calls the steps in its order, between other libraries' steps (the mentions
 * go before the names are blanked, the messages before the needs are).
 */
@Injectable()
export class NotificationsErasure {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly notifications: NotificationsService,
    private readonly erasure: NotificationsErasureRepository,
  ) {}

  /**
   * Messages to the people the person dealt with (helpers, citizens, reviewers) that name them or
   * quote their number, e.g. "Ettore will help you" or a moderation notice quoting a review: the
   * text goes, the record stays. Runs before the names are blanked. `person` is the names they went
   * by and since when; `counterparts` a WITH clause defining `counterparts(id)` from the person's id
   * ($1), written by the caller, who knows the other libraries' tables. Returns how many.
   */
  async blankMentions(
    manager: EntityManager,
    userId: string,
    phone: string | null,
    person: { names: string[]; since: Date },
    counterparts: string,
  ): Promise<number> {
    const needles = [...person.names, ...(phone ? [phone, phone.slice(3)] : [])]
      .map((needle) => needle.trim().toLowerCase())
      .filter((needle) => needle.length >= 3);
    if (!needles.length) return 0;
    const messages = await this.erasure.findMessagesToCounterparts(
      manager,
      userId,
      person.since,
      counterparts,
    );
    const mentioning = messages
      .filter((message) => {
        const text = this.tryDecrypt(message.body_encrypted)?.toLowerCase();
        // A text that cannot be read (a retired key) is blanked too: it may name the person.
        return text === undefined || needles.some((needle) => text.includes(needle));
      })
      .map((message) => message.id);
    if (mentioning.length) {
      await this.erasure.blankNotifications(manager, mentioning);
    }
    return mentioning.length;
  }

  /**
   * The person's messages (to their account, their number, their family contact's) are deleted,
   * the family contact withdrawn, messages to others about them (`relatedRefs`) blanked, and the
   * SMS reply codes sent to their number deleted. The preferences go later (deletePreferencesOf).
   */
  async eraseMessagesOf(
    manager: EntityManager,
    userId: string,
    phone: string | null,
    relatedRefs: string[],
  ): Promise<{ notificationsDeleted: number; othersNotificationsBlanked: number }> {
    const preferences = await this.erasure.findFamilyPhone(manager, userId);
    await this.notifications.withdrawFamilyContact(manager, userId);
    const notificationsDeleted = await this.erasure.deleteNotificationsOf(
      manager,
      userId,
      phone,
      preferences?.family_phone ?? null,
    );
    // Messages to others about the person (their name, their need): the text goes, the record stays.
    const othersNotificationsBlanked = await this.erasure.blankNotificationsByRef(manager, relatedRefs);
    if (phone) await this.erasure.deleteSmsReplyCodesTo(manager, phone);
    return { notificationsDeleted, othersNotificationsBlanked };
  }

  /** The person's notification preferences (channels, quiet hours, family contact). */
  async deletePreferencesOf(manager: EntityManager, userId: string): Promise<void> {
    await this.erasure.deleteNotificationPreferences(manager, userId);
  }

  /** Messages to a person without an account, by their number (null: none). */
  async deleteMessagesToPhone(manager: EntityManager, phone: string | null): Promise<void> {
    await this.erasure.deleteNotificationsToPhone(manager, phone);
  }

  /** Messages to others about these refs (needs, engagements, proposals): the text goes; returns how many. */
  blankMessagesAbout(manager: EntityManager, refs: string[]): Promise<number> {
    return this.erasure.blankNotificationsByRef(manager, refs);
  }

  private tryDecrypt(value: string): string | undefined {
    try {
      return this.cipher.decrypt(value);
    } catch {
      return undefined;
    }
  }
}
