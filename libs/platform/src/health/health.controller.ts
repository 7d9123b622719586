import { Controller, Get } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { QueueBackendService } from '../queue/queue-backend.service';
import { Readiness } from './readiness';

@Controller()
@SkipThrottle()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly queues: QueueBackendService,
    private readonly readiness: Readiness,
  ) {}

  /** Liveness: the process answers. No dependency is checked, so a database outage does not restart it. */
  @Get('health')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: the warm-up has ended, and PostgreSQL and the queue backend answer. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => {
        const indicator = this.indicators.check('warmUp');
        return this.readiness.warmingUp ? indicator.down({ message: 'warming up' }) : indicator.up();
      },
      () => this.database.pingCheck('database', { timeout: 2000 }),
      async () => {
        const indicator = this.indicators.check('queue');
        try {
          await this.queues.ping();
          return indicator.up({ backend: this.queues.backend });
        } catch (error) {
          return indicator.down({ backend: this.queues.backend, message: (error as Error).message });
        }
      },
    ]);
  }
}
