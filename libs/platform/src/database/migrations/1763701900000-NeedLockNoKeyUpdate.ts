import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Writers of a need serialise on its row with FOR NO KEY UPDATE, not FOR UPDATE. Inserting a
 * proposal, match state or engagement takes a KEY SHARE lock on its need (the foreign-key check);
 * FOR UPDATE waits for every such holder, so the expiry sweep (holding the need) and the matcher
 * (holding KEY SHARE, then locking the need in this trigger) waited for each other: a deadlock.
 * NO KEY UPDATE still excludes every other writer and ignores the foreign-key locks.
 */
export class NeedLockNoKeyUpdate1763701900000 implements MigrationInterface {
  name = 'NeedLockNoKeyUpdate1763701900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(lockFunction('FOR NO KEY UPDATE'));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(lockFunction('FOR UPDATE'));
  }
}

function lockFunction(lockMode: 'FOR UPDATE' | 'FOR NO KEY UPDATE'): string {
  return `
    CREATE OR REPLACE FUNCTION need_facts_lock_need() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF TG_OP <> 'INSERT' THEN
        PERFORM 1 FROM needs WHERE id = OLD.need_id ${lockMode};
      END IF;
      IF TG_OP <> 'DELETE' THEN
        PERFORM 1 FROM needs WHERE id = NEW.need_id ${lockMode};
        RETURN NEW;
      END IF;
      RETURN OLD;
    END
    $fn$`;
}
