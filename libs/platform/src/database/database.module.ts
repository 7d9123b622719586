import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/config.schema';
import { APP_CONFIG } from '../config/config.module';
import { buildDataSourceOptions } from './data-source-options';
import { ReadReplicaService } from './read-replica.service';
import { AccountErasureHandlers, PersonalDataExportHandlers } from '../personal-data';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => buildDataSourceOptions(config),
    }),
  ],
  // Every library's tables meet here, so the registries of their erasure and export handlers do too.
  providers: [ReadReplicaService, AccountErasureHandlers, PersonalDataExportHandlers],
  exports: [ReadReplicaService, AccountErasureHandlers, PersonalDataExportHandlers],
})
export class DatabaseModule {}
