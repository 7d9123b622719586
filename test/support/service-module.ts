import { ModuleMetadata } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { AuthenticatedUser, Role, RoleGrant } from '@prossimo/identity';
import { ConfigModule, DatabaseModule, DomainError } from '@prossimo/platform';
import { EngagementNoticesModule } from '@prossimo/matching';
import { OtpSenderModule } from '@prossimo/notifications';
import { PrivacyNoticesModule } from '@prossimo/privacy';
import { TerritoryCoverageModule } from '@prossimo/territory';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startedForFile } from './for-file';
import { testEnvironment } from './stack';

/**
 * The middle tier: a library's services with their real repositories on the file's own copy of
 * the migrated database, without the api, GraphQL, the queue or the worker. Side effects stay
 * outbox rows in PostgreSQL; nothing is sent (the SMS address is a closed loopback port).
 */
export interface ServiceModule {
  module: TestingModule;
  dataSource: DataSource;
  close(): Promise<void>;
}

export async function startServiceModule(imports: ModuleMetadata['imports']): Promise<ServiceModule> {
  const closedPort = { url: 'http://127.0.0.1:9/sms', username: 'unused', password: 'unused' };
  Object.assign(process.env, testEnvironment(closedPort, {}));
  const module = await Test.createTestingModule({
    // Identity's territory, privacy-notice and SMS-code ports (the SMS sender's notifications
    // need the engagement notices), as each app's root module gives them: every service module
    // uses identity.
    imports: [
      ConfigModule,
      DatabaseModule,
      TerritoryCoverageModule,
      PrivacyNoticesModule,
      OtpSenderModule,
      EngagementNoticesModule,
      ...(imports ?? []),
    ],
  }).compile();
  await module.init();
  return {
    module,
    dataSource: module.get<DataSource>(getDataSourceToken()),
    close: () => module.close(),
  };
}

/** A service file's modules (startServiceModule), started before its tests and closed after them (startedForFile). */
export function startServiceModuleForFile(imports: ModuleMetadata['imports']): ServiceModule {
  return startedForFile(
    () => startServiceModule(imports),
    (services) => services.close(),
  );
}

/** A verified user row (a random Italian mobile number); its id. */
export async function insertUser(dataSource: DataSource): Promise<string> {
  const phone = `+39347${randomInt(0, 10_000_000).toString().padStart(7, '0')}`;
  const [user]: { id: string }[] = await dataSource.query(
    `INSERT INTO users (phone_e164, language, phone_verified_at) VALUES ($1, 'it', now()) RETURNING id`,
    [phone],
  );
  return user.id;
}

/** The signed-in person as the api's guard hands it to a service, with these role grants. */
export function actingAs(userId: string, roles: RoleGrant[] = []): AuthenticatedUser {
  return { userId, sessionId: '00000000-0000-4000-8000-000000000000', roles, authLevel: null };
}

export const grant = {
  platformAdmin: (): RoleGrant => ({ role: Role.PLATFORM_ADMIN, territoryId: null, organisationId: null }),
  inTerritory: (role: Role, territoryId: string): RoleGrant => ({ role, territoryId, organisationId: null }),
};

/** The refusal a call ends with: its code and the field it names (a DomainError, or the test fails). */
export async function refusal(call: Promise<unknown>): Promise<{ code: string; field?: string }> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof DomainError)) throw new Error(`Expected a DomainError, got ${String(error)}`);
  return { code: error.code, ...(error.field ? { field: error.field } : {}) };
}
