import { firstRow, firstValue, Queryable } from '@prossimo/platform';

// SQL parts and reads of requests' tables for other libraries' statements (issue 19: the table
// names stay in the owner's files). In the parts the need is alias `n` and its beneficiary alias `b`.

/** The needs table as `n`, for a caller's FROM or JOIN. */
export const NEEDS_AS_N = 'needs n';

/** Joins the need `n` whose id is `needIdColumn`. */
export const joinNeedSql = (needIdColumn: string): string => `JOIN needs n ON n.id = ${needIdColumn}`;

/** Joins the beneficiary `b` of the need `n`: LEFT JOIN (the need may have none) unless `join` says JOIN. */
export const joinBeneficiaryOfNeedSql = (join: 'JOIN' | 'LEFT JOIN' = 'LEFT JOIN'): string =>
  `${join} beneficiaries b ON b.id = n.beneficiary_id`;

/** The need's id and Comune, undefined if there is no such need. */
export async function readNeedLocation(
  db: Queryable,
  needId: string,
): Promise<{ id: string; comuneIstat: string } | undefined> {
  return firstRow<{ id: string; comuneIstat: string }>(
    db,
    `SELECT id, comune_istat AS "comuneIstat" FROM needs WHERE id = $1`,
    [needId],
  );
}

/** Each need's Comune (as text). */
export async function readComuniOfNeeds(
  db: Queryable,
  needIds: string[],
): Promise<{ id: string; comuneIstat: string }[]> {
  return db.query(`SELECT id, comune_istat::text AS "comuneIstat" FROM needs WHERE id = ANY($1::uuid[])`, [
    needIds,
  ]);
}

/** The need's status, undefined if there is no such need. */
export async function readNeedStatus(db: Queryable, needId: string): Promise<string | undefined> {
  return firstValue<string>(db, `SELECT status FROM needs WHERE id = $1`, [needId]);
}

/** Whole hours since the need opened (or was created). */
export async function hoursNeedOpen(db: Queryable, needId: string): Promise<number> {
  const [{ hours }]: { hours: number }[] = await db.query(
    `SELECT floor(extract(epoch FROM now() - coalesce(opened_at, created_at)) / 3600)::int AS hours
         FROM needs WHERE id = $1`,
    [needId],
  );
  return hours;
}

/** Locks the need row FOR NO KEY UPDATE. */
export async function lockNeedNoKeyUpdate(db: Queryable, needId: string): Promise<void> {
  await db.query(`SELECT 1 FROM needs WHERE id = $1 FOR NO KEY UPDATE`, [needId]);
}

/** Locks the need row FOR KEY SHARE (what a foreign key to it takes). */
export async function lockNeedKeyShare(db: Queryable, needId: string): Promise<void> {
  await db.query(`SELECT 1 FROM needs WHERE id = $1 FOR KEY SHARE`, [needId]);
}
