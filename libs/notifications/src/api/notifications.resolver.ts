import { UseGuards } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { AuthenticatedUser, AuthGuard, CurrentUser } from '@prossimo/identity';
import { Page, PageArgs } from '@prossimo/platform';
import {
  FailedNotification,
  FailedNotificationPage,
  InAppNotification,
  InAppNotificationPage,
  MarkNotificationsReadInput,
  MyNotificationsArgs,
  NotificationPreferences,
  UpdateNotificationPreferencesInput,
} from '../notifications.types';
import { InAppLiveService, pushIterator } from './in-app-live.service';
import { NotificationCenterService } from './notification-center.service';

@Resolver()
@UseGuards(AuthGuard)
export class NotificationsResolver {
  constructor(
    private readonly center: NotificationCenterService,
    private readonly live: InAppLiveService,
  ) {}

  @Query(() => NotificationPreferences, { description: 'How and when the signed-in user is notified.' })
  myNotificationPreferences(@CurrentUser() user: AuthenticatedUser): Promise<NotificationPreferences> {
    return this.center.preferences(user);
  }

  @Mutation(() => NotificationPreferences)
  updateNotificationPreferences(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: UpdateNotificationPreferencesInput,
  ): Promise<NotificationPreferences> {
    return this.center.updatePreferences(user, input);
  }

  @Query(() => InAppNotificationPage, {
    description: 'In-app notifications, newest first, with the unread count.',
  })
  myNotifications(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: MyNotificationsArgs,
  ): Promise<InAppNotificationPage> {
    return this.center.myNotifications(user, args);
  }

  @Mutation(() => Int, { description: 'Marks the given notifications read; returns the unread count left.' })
  markNotificationsRead(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: MarkNotificationsReadInput,
  ): Promise<number> {
    return this.center.markRead(user, input.ids);
  }

  @Query(() => FailedNotificationPage, {
    description:
      'Platform admins: notifications that failed for good, or whose send may have reached the provider without our knowing (status unknown).',
  })
  failedNotifications(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: PageArgs,
  ): Promise<Page<FailedNotification>> {
    return this.center.failed(user, args);
  }

  @Mutation(() => FailedNotification, {
    description:
      'Platform admins: send a failed (or unknown, once checked at the provider) notification again.',
  })
  replayNotification(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<FailedNotification> {
    return this.center.replay(user, id);
  }

  @Subscription(() => InAppNotification, {
    description:
      'New in-app notifications of the signed-in user, live (graphql-ws; token in connectionParams).',
    resolve: (value: InAppNotification) => value,
  })
  async notificationReceived(
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AsyncIterableIterator<InAppNotification>> {
    let unsubscribe: () => void = () => undefined;
    const iterator = pushIterator<InAppNotification>(() => unsubscribe());
    unsubscribe = await this.live.subscribe(user.userId, (id) => {
      void this.center.inAppById(id).then((notification) => {
        if (notification && notification.userId === user.userId) {
          const { userId: _userId, ...visible } = notification;
          iterator.push(visible);
        }
      });
    });
    return iterator;
  }
}
