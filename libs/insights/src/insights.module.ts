import { Module } from '@nestjs/common';
import { IdentityModule } from '@prossimo/identity';
import { registerMessages } from '@prossimo/platform';
import { IndicatorSnapshotProcessor } from './snapshots/indicator-snapshot.processor';
import { IndicatorSnapshotScheduler } from './snapshots/indicator-snapshot.scheduler';
import { IndicatorSnapshotService } from './snapshots/indicator-snapshot.service';
import { IndicatorSnapshotsRepository } from './snapshots/indicator-snapshots.repository';
import { IndicatorsResolver } from './indicators/indicators.resolver';
import { IndicatorsRepository } from './indicators/indicators.repository';
import { IndicatorsService } from './indicators/indicators.service';

registerMessages({
  INDICATOR_DATE_INVALID: {
    it: 'Data non valida: usa il formato AAAA-MM-GG.',
    en: 'Invalid date: use YYYY-MM-DD.',
  },
  INDICATOR_PERIOD_REVERSED: {
    it: 'La data di fine viene prima della data di inizio.',
    en: 'The end date comes before the start date.',
  },
  INDICATOR_PERIOD_TOO_LONG: {
    it: 'Il periodo può durare al massimo due anni.',
    en: 'The period can last two years at most.',
  },
  INDICATOR_OPEN_DATA_MONTHS_ONLY: {
    it: 'Gli open data si pubblicano per mese o per l’intero periodo, non per settimana.',
    en: 'Open data is published per month or for the whole period, not per week.',
  },
  INDICATOR_SNAPSHOT_NOT_AMBITO: {
    it: 'Gli indicatori precalcolati esistono per gli ambiti, non per un singolo Comune.',
    en: 'Precomputed indicators exist for ambiti, not for a single Comune.',
  },
});

/** Impact indicators for the Comune, their CSV exports and open data. */
@Module({
  imports: [IdentityModule],
  providers: [IndicatorsService, IndicatorsResolver, IndicatorsRepository],
  exports: [IndicatorsService],
})
export class InsightsModule {}

/** The worker side: the maintenance job that recomputes indicator snapshots, and its schedule. */
@Module({
  providers: [
    IndicatorSnapshotService,
    IndicatorSnapshotProcessor,
    IndicatorSnapshotScheduler,
    IndicatorSnapshotsRepository,
  ],
})
export class InsightsWorkerModule {}
