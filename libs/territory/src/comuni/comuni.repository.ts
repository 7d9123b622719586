import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Comune } from '../territories/territory.types';

const COMUNE_COLUMNS = `istat, name, province_code AS "provinceCode", province, region, lat, lon,
  coordinates_precision AS "coordinatesPrecision"`;

/** The comuni table: the reference list of Italian Comuni. */
@Injectable()
export class ComuniRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Up to `limit` Comuni by (name, istat), whose name contains `search` (lower case, accents
   * ignored), in the province, after the (name, istat) `cursor`; each filter only when given.
   */
  async page(args: {
    search?: string;
    provinceCode?: string;
    cursor?: readonly (string | number)[];
    limit: number;
  }): Promise<Comune[]> {
    const params: unknown[] = [];
    const conditions: string[] = [];
    if (args.search) {
      params.push(`%${args.search}%`);
      conditions.push(`unaccent(lower(name)) LIKE unaccent($${params.length})`);
    }
    if (args.provinceCode) {
      params.push(args.provinceCode);
      conditions.push(`province_code = $${params.length}`);
    }
    if (args.cursor) {
      params.push(args.cursor[0], args.cursor[1]);
      conditions.push(`(name, istat) > ($${params.length - 1}, $${params.length})`);
    }
    params.push(args.limit);
    return this.dataSource.query(
      `SELECT ${COMUNE_COLUMNS} FROM comuni ${conditions.length ? 'WHERE ' + conditions.join(' AND ') : ''}
        ORDER BY name, istat LIMIT $${params.length}`,
      params,
    );
  }

  async byIstat(istat: string): Promise<Comune | undefined> {
    const [row]: Comune[] = await this.dataSource.query(
      `SELECT ${COMUNE_COLUMNS} FROM comuni WHERE istat = $1`,
      [istat],
    );
    return row;
  }

  /** The Comune whose centre is nearest to a point (a GiST nearest-neighbour search). */
  async nearest(lat: number, lon: number): Promise<Comune> {
    const [row]: Comune[] = await this.dataSource.query(
      `SELECT ${COMUNE_COLUMNS} FROM comuni ORDER BY ll_to_earth(lat, lon) <-> ll_to_earth($1, $2) LIMIT 1`,
      [lat, lon],
    );
    return row;
  }

  /** Which of these codes are known Comuni. */
  async knownIstats(codes: string[]): Promise<string[]> {
    const known: { istat: string }[] = await this.dataSource.query(
      `SELECT istat FROM comuni WHERE istat = ANY($1)`,
      [codes],
    );
    return known.map((row) => row.istat);
  }
}
