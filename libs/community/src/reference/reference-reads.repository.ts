import { organisationExists } from '@prossimo/directory';
import { Injectable } from '@nestjs/common';
import { DomainError, Queryable } from '@prossimo/platform';
import { comuneCentre, ComuneCentre, comuneCentres, nearestComune } from '@prossimo/territory';
import { MAX_DISTANCE_FROM_COMUNE_METERS, NearestComune } from './geo';

export type { ComuneCentre } from '@prossimo/territory';

/**
 * Community's reads of other libraries' reference tables: the Comuni through territory's
 * functions, with community's refusals; organisations (directory) here, until directory exposes them.
 */
@Injectable()
export class ReferenceReadsRepository {
  /** The Comune whose centre is nearest to a point; POINT_NOT_NEAR_COMUNE when it is too far. */
  async nearestComune(db: Queryable, lat: number, lon: number, field: string): Promise<NearestComune> {
    const row = await nearestComune(db, lat, lon);
    if (!row || row.meters > MAX_DISTANCE_FROM_COMUNE_METERS) {
      throw new DomainError('POINT_NOT_NEAR_COMUNE', { field });
    }
    return row;
  }

  /** The Comune; COMUNE_NOT_FOUND otherwise. */
  async comuneByIstat(db: Queryable, istat: string, field: string): Promise<ComuneCentre> {
    const row = await comuneCentre(db, istat);
    if (!row) throw new DomainError('COMUNE_NOT_FOUND', { field });
    return row;
  }

  /** Which of these Comuni exist. */
  async findKnownComuni(db: Queryable, istats: string[]): Promise<{ istat: string }[]> {
    return comuneCentres(db, istats);
  }

  /** Whether no organisation has this id (directory's organisations). */
  async organisationMissing(db: Queryable, organisationId: string): Promise<boolean> {
    return !(await organisationExists(db, organisationId));
  }
}
