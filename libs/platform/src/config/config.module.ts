import { Global, Module } from '@nestjs/common';
import { BlindIndex } from '../crypto/blind-index';
import { FieldCipher } from '../crypto/field-encryption';
import { AppConfig, parseConfig } from './config.schema';

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** The only place that reads process.env: once, at boot. */
export function loadConfigFromEnvironment(): AppConfig {
  return parseConfig(process.env);
}

/** The validated configuration, and what is built once from it for everyone (the field cipher, the blind index). */
@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: loadConfigFromEnvironment },
    {
      provide: FieldCipher,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new FieldCipher(config.FIELD_ENCRYPTION_KEY),
    },
    {
      provide: BlindIndex,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new BlindIndex(config.FIELD_ENCRYPTION_KEY),
    },
  ],
  exports: [APP_CONFIG, FieldCipher, BlindIndex],
})
export class ConfigModule {}
