import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../config/config.module';
import { buildDataSourceOptions } from './data-source-options';
import { ReadReplicaService } from './read-replica.service';
import { AccountErasureHandlers } from '../personal-data/account-erasure-handlers';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => buildDataSourceOptions(config),
    }),
  ],
  // Every library's tables meet here, so the registry of their erasure handlers does too.
  providers: [ReadReplicaService, AccountErasureHandlers],
  exports: [ReadReplicaService, AccountErasureHandlers],
})
export class DatabaseModule {}
