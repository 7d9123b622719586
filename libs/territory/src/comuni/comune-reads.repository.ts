import { Queryable } from '@prossimo/platform';

// Module functions, as the Comune centres: other libraries read the Comuni list through them on
// their own connection or transaction (`db`), with no Nest injection.

/** Whether the Comune is known. */
export async function comuneExists(db: Queryable, istat: string): Promise<boolean> {
  const [known]: unknown[] = await db.query(`SELECT 1 FROM comuni WHERE istat = $1`, [istat]);
  return known !== undefined;
}

/** How many Comuni the platform knows. */
export async function countComuni(db: Queryable): Promise<number> {
  return Number((await db.query(`SELECT count(*) AS n FROM comuni`))[0].n);
}

/** The names of those of these Comuni that exist (null codes are ignored). */
export function comuneNames(
  db: Queryable,
  istats: readonly (string | null)[],
): Promise<{ istat: string; name: string }[]> {
  return db.query(`SELECT istat::text, name FROM comuni WHERE istat = ANY($1::char(6)[])`, [istats]);
}

/** SQL for other libraries' statements: JOIN of the Comune `alias` whose code is `istatSql`. */
export function joinComuneSql(alias: string, istatSql: string): string {
  return `JOIN comuni ${alias} ON ${alias}.istat = ${istatSql}`;
}

/** The Comuni under the caller's alias, for another library's FROM or LEFT JOIN. */
export const comuniAs = (alias: string): string => `comuni ${alias}`;
