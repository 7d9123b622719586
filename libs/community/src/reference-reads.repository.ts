import { Injectable } from '@nestjs/common';
import { DomainError, firstRow, Queryable } from '@prossimo/platform';
import { MAX_DISTANCE_FROM_COMUNE_METERS, NearestComune } from './geo';

/** A Comune's centre. */
export interface ComuneCentre {
  istat: string;
  name: string;
  lat: number;
  lon: number;
}

/**
 * Community's reads of other libraries' reference tables: comuni (territory) and organisations
 * (directory); kept here, in one place, until their owners expose them.
 */
@Injectable()
export class ReferenceReadsRepository {
  /** The Comune whose centre is nearest to a point (GiST nearest-neighbour on territory's comuni). */
  async nearestComune(db: Queryable, lat: number, lon: number, field: string): Promise<NearestComune> {
    const row = await firstRow<NearestComune>(
      db,
      `SELECT istat, name, lat, lon, earth_distance(ll_to_earth(lat, lon), ll_to_earth($1, $2)) AS meters
       FROM comuni ORDER BY ll_to_earth(lat, lon) <-> ll_to_earth($1, $2) LIMIT 1`,
      [lat, lon],
    );
    if (!row || row.meters > MAX_DISTANCE_FROM_COMUNE_METERS) {
      throw new DomainError('POINT_NOT_NEAR_COMUNE', { field });
    }
    return row;
  }

  /** The Comune (territory's comuni); COMUNE_NOT_FOUND otherwise. */
  async comuneByIstat(db: Queryable, istat: string, field: string): Promise<ComuneCentre> {
    const row = await firstRow<ComuneCentre>(
      db,
      `SELECT istat, name, lat, lon FROM comuni WHERE istat = $1`,
      [istat],
    );
    if (!row) throw new DomainError('COMUNE_NOT_FOUND', { field });
    return row;
  }

  /** Which of these Comuni exist (territory's comuni). */
  async findKnownComuni(db: Queryable, istats: string[]): Promise<{ istat: string }[]> {
    return db.query(`SELECT istat FROM comuni WHERE istat = ANY($1::bpchar[])`, [istats]);
  }

  /**
   * Whether no organisation has this id. The directory's organisations table may not exist yet in
   * every deployment: without it there is nothing to check against, and the id is taken as given.
   */
  async organisationMissing(db: Queryable, organisationId: string): Promise<boolean> {
    const [table]: { exists: boolean }[] = await db.query(
      `SELECT to_regclass('public.organisations') IS NOT NULL AS exists`,
    );
    if (!table.exists) return false;
    const rows: unknown[] = await db.query(`SELECT 1 FROM organisations WHERE id = $1`, [organisationId]);
    return rows.length === 0;
  }
}
