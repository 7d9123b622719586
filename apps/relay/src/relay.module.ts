import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import {
  ConfigModule,
  DatabaseModule,
  LoggingModule,
  OutboxRelayService,
  OutboxRepository,
  QueueModule,
} from '@prossimo/platform';

/** Starts the relay once the application is up; OutboxRelayService stops it at shutdown. */
@Injectable()
export class RelayRunner implements OnApplicationBootstrap {
  constructor(private readonly relay: OutboxRelayService) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }
}

/**
 * The outbox relay alone: committed outbox rows into the queues, nothing else (no job handlers, no
 * HTTP). The reconciler stays with the workers, which see jobs finish.
 */
@Module({
  imports: [ConfigModule, LoggingModule, DatabaseModule, QueueModule],
  providers: [OutboxRelayService, OutboxRepository, RelayRunner],
})
export class RelayModule {}
