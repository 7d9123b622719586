import { Injectable } from '@nestjs/common';
import { auditEntriesAboutPerson, consentsForExport, Queryable } from '@prossimo/platform';

type Row = Record<string, unknown>;

/**
 * The export's reads of privacy's own table (personal_data_exports), of the person's consents and
 * the audit entries about them (platform's consents and audit_log, through platform's functions),
 * and the generic section: the schema's foreign
 * keys to users and the rows of the tables no area covers. In the export's transaction.
 */
@Injectable()
export class PersonalDataExportRepository {
  /** The person's consents (platform's table, through its function). */
  findConsentsOf(db: Queryable, userId: string): Promise<Row[]> {
    return consentsForExport(db, userId);
  }

  findExportsOf(db: Queryable, userId: string): Promise<Row[]> {
    return db.query(
      `SELECT id, status, requested_at AS "requestedAt", ready_at AS "readyAt", expires_at AS "expiresAt"
         FROM personal_data_exports WHERE user_id = $1 ORDER BY requested_at`,
      [userId],
    );
  }

  /** Entries the person made, or about them, their needs, engagements and exports (platform's audit_log). */
  findAuditEntries(
    db: Queryable,
    userId: string,
    about: { needIds: string[]; engagementIds: string[]; exportIds: unknown[] },
  ): Promise<Row[]> {
    return auditEntriesAboutPerson(db, userId, about);
  }

  /** The columns (table and column) with a foreign key to users.id. */
  findLinksToUsers(db: Queryable): Promise<{ table_name: string; column_name: string }[]> {
    return db.query(
      `SELECT DISTINCT kcu.table_name, kcu.column_name
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu
           ON kcu.constraint_name = tc.constraint_name AND kcu.constraint_schema = tc.constraint_schema
         JOIN information_schema.constraint_column_usage ccu
           ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.constraint_schema
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()
          AND ccu.table_name = 'users' AND ccu.column_name = 'id'
        ORDER BY 1, 2`,
    );
  }

  findColumnsOf(db: Queryable, table: string): Promise<{ column_name: string }[]> {
    return db.query(
      `SELECT column_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
  }

  /** The rows of `table` whose `column` is the person (the columns named come from the schema). */
  findRowsOf(
    db: Queryable,
    table: string,
    column: string,
    columns: string[],
    userId: string,
  ): Promise<Row[]> {
    return db.query(
      `SELECT ${columns.map((name) => `"${name}"`).join(', ')} FROM "${table}" WHERE "${column}" = $1`,
      [userId],
    );
  }
}
