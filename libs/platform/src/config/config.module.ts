import { Global, Module } from '@nestjs/common';
import { AppConfig, parseConfig } from './config.schema';

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** The only place that reads process.env: once, at boot. */
export function loadConfigFromEnvironment(): AppConfig {
  return parseConfig(process.env);
}

@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: loadConfigFromEnvironment }],
  exports: [APP_CONFIG],
})
export class ConfigModule {}
