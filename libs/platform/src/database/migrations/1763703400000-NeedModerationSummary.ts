import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A need's moderation summary began with its category's code ("home_help: …"), which the queue
 * showed as it was and the author's SMS about the decision quoted. The category now comes from the
 * need itself (ModerationItem.category, in each reader's language): the summaries keep the
 * description only.
 */
export class NeedModerationSummary1763703400000 implements MigrationInterface {
  name = 'NeedModerationSummary1763703400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE moderation_items m SET summary = substr(m.summary, length(n.category) + 3)
        FROM needs n
       WHERE m.content_type = 'need' AND m.content_id = n.id AND starts_with(m.summary, n.category || ': ')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE moderation_items m SET summary = left(n.category || ': ' || m.summary, 300)
        FROM needs n
       WHERE m.content_type = 'need' AND m.content_id = n.id`);
  }
}
