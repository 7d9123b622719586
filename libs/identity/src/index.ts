import './messages';

export * from './identity.module';
export * from './auth/auth.guard';
export * from './sessions/session.service';
export * from './users/role';
export * from './users/user.entity';
export * from './users/user-role.entity';
export * from './phone/phone-number';
export * from './access/access.service';
export * from './phone/phone-verification.service';
export * from './phone/otp-sender';
export * from './codice-fiscale/codice-fiscale';
export * from './codice-fiscale/codice-fiscale.service';
