import { Queryable } from '@prossimo/platform';
import { Desk, deskOfComuneSql } from './desk-contact';

/**
 * The Comune's name and its territory's desk, read in the caller's transaction. A module function:
 * templates have no module of their own. comuni, territories and territory_comuni are territory's.
 */
export async function findComuneDesk(db: Queryable, comuneIstat: string): Promise<Desk> {
  const [row]: { name: string; desk_phone: string | null; desk_hours: string | null }[] = await db.query(
    `SELECT c.name, desk.desk_phone, desk.desk_hours FROM comuni c ${deskOfComuneSql('c.istat')} WHERE c.istat = $1`,
    [comuneIstat],
  );
  return {
    comuneName: row?.name ?? '',
    phone: row?.desk_phone ?? null,
    hours: row?.desk_hours ?? null,
  };
}
