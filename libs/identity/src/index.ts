import './messages';

export * from './identity.module';
export * from './auth/auth.guard';
export * from './sessions/session.service';
export * from './users/role';
export * from './users/user.entity';
export * from './users/user-role.entity';
export * from './users/user-roles.repository';
export * from './users/user-sql.repository';
export { UsersRepository } from './users/users.repository';
export * from './users/account-suspension.repository';
export * from './phone/phone-number';
export * from './access/access.service';
export * from './access/territory-coverage';
export * from './phone/phone-verification.service';
export * from './phone/otp-sender';
export * from './codice-fiscale/codice-fiscale';
export * from './codice-fiscale/codice-fiscale.service';
export * from './spid-cie/levels';
export { generatePrivateJwks, publicPartOf } from './spid-cie/keys';
export {
  wellKnownOf,
  ENTITY_STATEMENT_MEDIA_TYPE,
  ENTITY_STATEMENT_TYPE,
  TrustChainResolver,
  TrustChainError,
} from './spid-cie/federation';
export type { TrustChain } from './spid-cie/federation';
export type { PublicJwks, EntityStatement } from './spid-cie/federation';
export { CALLBACK_PATH } from './spid-cie/relying-party.service';
export * from './identity-personal-data.module';
export * from './users/identity-erasure';
export * from './identity-retention.module';
export * from './phone/privacy-notices';
