import { Module } from '@nestjs/common';
import { IdentityModule } from '@prossimo/identity';
import { NotificationsModule } from '@prossimo/notifications';
import { registerMessages } from '@prossimo/platform';
import { ModerationItemsRepository } from './items/moderation-items.repository';
import { ModerationResolver } from './items/moderation.resolver';
import { ModerationService } from './items/moderation.service';
import { ModerationAccountErasure } from './personal-data/personal-data-erasure';
import { ModerationPersonalDataRepository } from './personal-data/personal-data.repository';

registerMessages({
  ALREADY_REPORTED: {
    it: 'Hai già segnalato questo contenuto.',
    en: 'You have already reported this content.',
  },
  CONTENT_NOT_FOUND: { it: 'Contenuto non trovato.', en: 'Content not found.' },
  // The outcome inside the author's "moderation decision" SMS, in their language.
  REDACTION_INVALID: {
    it: 'Le parti da togliere non sono valide: ognuna dentro il testo, non vuota, senza sovrapporsi ({field}).',
    en: 'The parts to remove are not valid: each inside the text, not empty, not overlapping ({field}).',
  },
  REDACTION_ONLY_WITH_REDACT: {
    it: 'Le parti da togliere vanno indicate solo con la decisione REDACT ({field}).',
    en: 'Parts to remove go only with the REDACT decision ({field}).',
  },
  REDACTION_NOT_SUPPORTED: {
    it: 'Per questo tipo di contenuto si può solo approvare o respingere ({field}).',
    en: 'This kind of content can only be approved or rejected ({field}).',
  },
  'moderation_status.pending': { it: 'in attesa di revisione', en: 'awaiting review' },
  'moderation_status.published': { it: 'pubblicato', en: 'published' },
  'moderation_status.rejected': { it: 'respinto', en: 'rejected' },
  'moderation_status.hidden': { it: 'nascosto', en: 'hidden' },
});

@Module({
  imports: [IdentityModule, NotificationsModule],
  providers: [
    ModerationService,
    ModerationResolver,
    ModerationAccountErasure,
    ModerationItemsRepository,
    ModerationPersonalDataRepository,
  ],
  exports: [ModerationService],
})
export class ModerationModule {}
