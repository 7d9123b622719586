import { Module } from '@nestjs/common';
import { IdentityModule } from '@prossimo/identity';
import { NotificationsModule } from '@prossimo/notifications';
import { registerMessages } from '@prossimo/platform';
import { ModerationResolver } from './moderation.resolver';
import { ModerationService } from './moderation.service';

registerMessages({
  ALREADY_REPORTED: {
    it: 'Hai già segnalato questo contenuto.',
    en: 'You have already reported this content.',
  },
  CONTENT_NOT_FOUND: { it: 'Contenuto non trovato.', en: 'Content not found.' },
  // The outcome inside the author's "moderation decision" SMS, in their language.
  'moderation_status.pending': { it: 'in attesa di revisione', en: 'awaiting review' },
  'moderation_status.published': { it: 'pubblicato', en: 'published' },
  'moderation_status.rejected': { it: 'respinto', en: 'rejected' },
  'moderation_status.hidden': { it: 'nascosto', en: 'hidden' },
});

@Module({
  imports: [IdentityModule, NotificationsModule],
  providers: [ModerationService, ModerationResolver],
  exports: [ModerationService],
})
export class ModerationModule {}
