import { UseGuards } from '@nestjs/common';
import { Context, Field, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { AccessService, AuthenticatedUser, AuthGuard, CurrentUser, Role } from '@prossimo/identity';
import { APP_CONFIG, AppConfig, SensitiveOperation, writeAudit } from '@prossimo/platform';
import { Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  QUEUE_DASHBOARD_COOKIE,
  QUEUE_DASHBOARD_PATH,
  QUEUE_DASHBOARD_TICKET_SECONDS,
  QueueDashboardService,
} from './queue-dashboard.service';

@ObjectType()
export class QueueDashboardTicket {
  @Field({ description: 'Where the dashboard is (same host as the api).' })
  url!: string;

  @Field({ description: 'When the cookie set with this answer stops opening the dashboard.' })
  expiresAt!: Date;
}

@Resolver()
@UseGuards(AuthGuard)
export class QueueDashboardResolver {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly dashboard: QueueDashboardService,
  ) {}

  @Mutation(() => QueueDashboardTicket, {
    description:
      'Platform admins: sets a short-lived HttpOnly cookie (10 minutes) that opens the queue dashboard (bull-board) in this browser.',
  })
  @SensitiveOperation()
  async openQueueDashboard(
    @CurrentUser() user: AuthenticatedUser,
    @Context() context: { res?: { cookie?: (name: string, value: string, options: object) => void } },
  ): Promise<QueueDashboardTicket> {
    this.access.requireRole(user, [Role.PLATFORM_ADMIN]);
    const ticket = await this.dashboard.issueTicket(user);
    context.res?.cookie?.(QUEUE_DASHBOARD_COOKIE, ticket.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.NODE_ENV === 'production',
      path: QUEUE_DASHBOARD_PATH,
      maxAge: QUEUE_DASHBOARD_TICKET_SECONDS * 1000,
    });
    await writeAudit(this.dataSource.manager, {
      actorUserId: user.userId,
      action: 'queue_dashboard.opened',
      entityType: 'user',
      entityId: user.userId,
    });
    return { url: QUEUE_DASHBOARD_PATH, expiresAt: ticket.expiresAt };
  }
}
