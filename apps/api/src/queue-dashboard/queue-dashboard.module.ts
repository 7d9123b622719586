import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { IdentityModule } from '@prossimo/identity';
import { APP_CONFIG } from '@prossimo/platform';
import { QueueDashboardResolver } from './queue-dashboard.resolver';
import { queueDashboardJwtOptions, QueueDashboardService } from './queue-dashboard.service';

/** bull-board for platform admins; createApiApp mounts QueueDashboardService.handler(). */
@Module({
  imports: [
    IdentityModule,
    JwtModule.registerAsync({ inject: [APP_CONFIG], useFactory: queueDashboardJwtOptions }),
  ],
  providers: [QueueDashboardService, QueueDashboardResolver],
  exports: [QueueDashboardService],
})
export class QueueDashboardModule {}
