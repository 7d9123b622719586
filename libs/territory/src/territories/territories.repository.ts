import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Comune, Territory, TerritoryKind } from './territory.types';

const COMUNE_COLUMNS_OF_C = `c.istat, c.name, c.province_code AS "provinceCode", c.province, c.region, c.lat, c.lon,
  c.coordinates_precision AS "coordinatesPrecision"`;

const TERRITORY_COLUMNS = `t.id, t.kind, t.name, t.desk_phone AS "deskPhone", t.desk_hours AS "deskHours"`;

/** territories and territory_comuni: the territories and the Comuni each covers. */
@Injectable()
export class TerritoriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The Comuni of these territories, by name, each with its territory's id. */
  async comuniOfTerritories(territoryIds: readonly string[]): Promise<(Comune & { territoryId: string })[]> {
    return this.dataSource.query(
      `SELECT tc.territory_id AS "territoryId", ${COMUNE_COLUMNS_OF_C}
         FROM territory_comuni tc JOIN comuni c ON c.istat = tc.comune_istat
        WHERE tc.territory_id = ANY($1::uuid[]) ORDER BY c.name`,
      [territoryIds],
    );
  }

  /** The territories `condition` (SQL over t.id, its parameters in `params`) allows, by name. */
  async visible(condition: string, params: unknown[]): Promise<Territory[]> {
    return this.dataSource.query(
      `SELECT ${TERRITORY_COLUMNS} FROM territories t WHERE ${condition} ORDER BY name`,
      params,
    );
  }

  /**
   * Up to `limit` territories by (name, id), whose name contains `search` (lower case, accents
   * ignored), after the (name, id) `cursor`; each filter only when given.
   */
  async page(args: {
    search?: string;
    cursor?: readonly (string | number)[];
    limit: number;
  }): Promise<Territory[]> {
    const params: unknown[] = [];
    const conditions: string[] = [];
    if (args.search) {
      params.push(`%${args.search}%`);
      conditions.push(`unaccent(lower(t.name)) LIKE unaccent($${params.length})`);
    }
    if (args.cursor) {
      params.push(args.cursor[0], args.cursor[1]);
      conditions.push(`(t.name, t.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(args.limit);
    return this.dataSource.query(
      `SELECT ${TERRITORY_COLUMNS} FROM territories t
        ${conditions.length ? 'WHERE ' + conditions.join(' AND ') : ''}
        ORDER BY t.name, t.id LIMIT $${params.length}`,
      params,
    );
  }

  async ofComune(istat: string): Promise<Territory[]> {
    return this.dataSource.query(
      `SELECT t.id, t.kind, t.name FROM territories t
         JOIN territory_comuni tc ON tc.territory_id = t.id
        WHERE tc.comune_istat = $1 ORDER BY t.name`,
      [istat],
    );
  }

  async byId(id: string): Promise<Territory | undefined> {
    const [row]: Territory[] = await this.dataSource.query(
      `SELECT ${TERRITORY_COLUMNS} FROM territories t WHERE id = $1`,
      [id],
    );
    return row;
  }

  /** The new territory's id. */
  async insert(manager: EntityManager, kind: TerritoryKind, name: string): Promise<string> {
    const [territory]: { id: string }[] = await manager.query(
      `INSERT INTO territories (kind, name) VALUES ($1, $2) RETURNING id`,
      [kind, name],
    );
    return territory.id;
  }

  async addComuni(manager: EntityManager, territoryId: string, codes: string[]): Promise<void> {
    await manager.query(
      `INSERT INTO territory_comuni (territory_id, comune_istat) SELECT $1, unnest($2::text[])`,
      [territoryId, codes],
    );
  }

  /** The territory's Comuni, locked for the caller's transaction. */
  async lockComuni(manager: EntityManager, territoryId: string): Promise<string[]> {
    const before: { istat: string }[] = await manager.query(
      `SELECT comune_istat AS istat FROM territory_comuni WHERE territory_id = $1 FOR UPDATE`,
      [territoryId],
    );
    return before.map((row) => row.istat);
  }

  async removeComuni(manager: EntityManager, territoryId: string, codes: string[]): Promise<void> {
    await manager.query(
      `DELETE FROM territory_comuni WHERE territory_id = $1 AND comune_istat = ANY($2::text[])`,
      [territoryId, codes],
    );
  }

  async updateDesk(
    manager: EntityManager,
    territoryId: string,
    phone: string | null,
    hours: string | null,
  ): Promise<void> {
    await manager.query(`UPDATE territories SET desk_phone = $2, desk_hours = $3 WHERE id = $1`, [
      territoryId,
      phone,
      hours,
    ]);
  }

  /** Locks the territory's row for the caller's transaction; false when there is no such territory. */
  async lock(manager: EntityManager, territoryId: string): Promise<boolean> {
    const [row]: { id: string }[] = await manager.query(
      `SELECT id FROM territories WHERE id = $1 FOR UPDATE`,
      [territoryId],
    );
    return row !== undefined;
  }

  async updateStaffStepUp(
    manager: EntityManager,
    territoryId: string,
    setting: boolean | null,
  ): Promise<void> {
    await manager.query(`UPDATE territories SET staff_step_up = $2 WHERE id = $1`, [territoryId, setting]);
  }

  /** The territory's step-up setting (null: the platform default); undefined when there is no such territory. */
  async staffStepUpSetting(
    manager: EntityManager,
    territoryId: string,
  ): Promise<{ setting: boolean | null } | undefined> {
    const [row]: { setting: boolean | null }[] = await manager.query(
      `SELECT staff_step_up AS setting FROM territories WHERE id = $1`,
      [territoryId],
    );
    return row;
  }
}
