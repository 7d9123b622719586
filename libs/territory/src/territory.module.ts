import { Module } from '@nestjs/common';
import { IdentityModule } from '@prossimo/identity';
import { registerMessages } from '@prossimo/platform';
import { ComuniRepository } from './comuni/comuni.repository';
import { TerritoriesRepository } from './territories/territories.repository';
import { TerritoryResolver } from './territories/territory.resolver';
import { TerritoryService } from './territories/territory.service';

registerMessages({
  COMUNE_NOT_FOUND: { it: 'Comune non trovato (codice ISTAT).', en: 'Comune not found (ISTAT code).' },
  TERRITORY_NOT_FOUND: { it: 'Territorio non trovato.', en: 'Territory not found.' },
  DESK_HOURS_WITHOUT_PHONE: {
    it: 'Indica anche il numero dello sportello ({field}).',
    en: 'Give the desk’s number too ({field}).',
  },
  TERRITORY_COMUNE_NEEDS_ONE: {
    it: 'Un territorio di tipo Comune comprende esattamente un Comune.',
    en: 'A territory of kind Comune covers exactly one Comune.',
  },
  USER_NOT_FOUND: {
    it: 'Nessun utente registrato con questo numero.',
    en: 'No registered user has this number.',
  },
});

@Module({
  imports: [IdentityModule],
  providers: [TerritoryService, TerritoryResolver, ComuniRepository, TerritoriesRepository],
  exports: [TerritoryService],
})
export class TerritoryModule {}
