import { Global, Module } from '@nestjs/common';
import { QueueBackendService } from './queue-backend.service';

@Global()
@Module({ providers: [QueueBackendService], exports: [QueueBackendService] })
export class QueueModule {}
