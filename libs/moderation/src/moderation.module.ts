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
});

@Module({
  imports: [IdentityModule, NotificationsModule],
  providers: [ModerationService, ModerationResolver],
  exports: [ModerationService],
})
export class ModerationModule {}
