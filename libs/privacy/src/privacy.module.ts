import { Module } from '@nestjs/common';
import { IdentityModule, IdentityRetentionModule } from '@prossimo/identity';
import { MatchingErasureModule } from '@prossimo/matching';
import { NotificationsModule } from '@prossimo/notifications';
import { registerMessages } from '@prossimo/platform';
import { RequestsModule, RequestsPersonalDataModule } from '@prossimo/requests';
import { AuditTrailRepository } from './audit-trail/audit-trail.repository';
import { AuditTrailService } from './audit-trail/audit-trail.service';
import { CodiceFiscaleReadService } from './codice-fiscale/codice-fiscale-read.service';
import { ConsentService } from './consents/consent.service';
import { ConsentsRepository } from './consents/consents.repository';
import { DataExportsRepository } from './exports/data-exports.repository';
import { DataExportProcessor } from './exports/data-export.processor';
import { DataExportService } from './exports/data-export.service';
import { PersonalDataExport } from './exports/personal-data-export';
import { PersonalDataExportRepository } from './exports/personal-data-export.repository';
import { BeneficiaryErasureService } from './erasure/beneficiary-erasure.service';
import { ErasureService } from './erasure/erasure.service';
import { ErasureRepository } from './erasure/erasure.repository';
import { ErasureSteps } from './erasure/erasure-steps';
import { PurgeProcessor } from './retention/purge.processor';
import { PurgeScheduler } from './retention/purge.scheduler';
import { AuditTrailResolver } from './audit-trail/audit-trail.resolver';
import { CodiceFiscaleReadResolver } from './codice-fiscale/codice-fiscale-read.resolver';
import { ConsentsResolver } from './consents/consents.resolver';
import { ErasureResolver } from './erasure/erasure.resolver';
import { DataExportResolver, DataExportsResolver } from './exports/data-exports.resolver';
import { RetentionRepository } from './retention/retention.repository';
import { RetentionService } from './retention/retention.service';

registerMessages({
  CONSENT_NOT_GIVEN_HERE: {
    it: 'Questo consenso si dà altrove ({field}): il familiare con le preferenze di notifica, l’informativa con acceptPrivacyNotice.',
    en: 'This consent is given elsewhere ({field}): a family contact with the notification preferences, the notice with acceptPrivacyNotice.',
  },
  CONSENT_NOT_WITHDRAWABLE: {
    it: 'L’informativa non è un consenso da revocare ({field}): per non usare più Prossimo cancella l’account.',
    en: 'The notice is not a consent to withdraw ({field}): to stop using Prossimo, delete your account.',
  },
  ACCOUNT_NOT_FOUND: {
    it: 'Account non trovato o già cancellato ({field}).',
    en: 'Account not found or already erased ({field}).',
  },
  BENEFICIARY_NOT_FOUND: {
    it: 'Persona senza account non trovata ({field}): chi ha un account si cancella con eraseAccount.',
    en: 'Person without an account not found ({field}): people with an account are erased with eraseAccount.',
  },
  AUDIT_PERIOD_REVERSED: {
    it: 'Il giorno finale viene prima di quello iniziale ({field}).',
    en: 'The last day comes before the first one ({field}).',
  },
  DATA_EXPORT_NOT_FOUND: { it: 'Copia dei dati non trovata.', en: 'Data copy not found.' },
  DATA_EXPORT_EXPIRED: {
    it: 'La copia dei dati è scaduta ed è stata cancellata: chiedine una nuova.',
    en: 'The data copy has expired and was deleted: ask for a new one.',
  },
});

/** Consents, data export and erasure for the API. */
@Module({
  imports: [IdentityModule, NotificationsModule, RequestsModule, MatchingErasureModule],
  providers: [
    ConsentService,
    ConsentsRepository,
    DataExportService,
    DataExportsRepository,
    PersonalDataExport,
    PersonalDataExportRepository,
    ErasureService,
    ErasureSteps,
    ErasureRepository,
    BeneficiaryErasureService,
    AuditTrailService,
    AuditTrailRepository,
    CodiceFiscaleReadService,
    ConsentsResolver,
    DataExportsResolver,
    DataExportResolver,
    ErasureResolver,
    CodiceFiscaleReadResolver,
    AuditTrailResolver,
  ],
  exports: [ConsentService, ErasureService],
})
export class PrivacyModule {}

/**
 * The worker side: building exports and the retention purge (a repeatable job), with the owners'
 * purge steps (requests', identity's, notifications').
 */
@Module({
  imports: [NotificationsModule, RequestsPersonalDataModule, IdentityRetentionModule],
  providers: [
    DataExportService,
    DataExportsRepository,
    PersonalDataExport,
    PersonalDataExportRepository,
    DataExportProcessor,
    RetentionService,
    RetentionRepository,
    PurgeProcessor,
    PurgeScheduler,
  ],
  exports: [RetentionService],
})
export class PrivacyWorkerModule {}
