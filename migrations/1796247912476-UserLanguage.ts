import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each person's language (issue 10, item 5): the web app opens in it after sign-in, and every e-mail
 * the server sends them is written in it. Bokmål for everyone who has not chosen.
 */
export class UserLanguage1796247912476 implements MigrationInterface {
  name = 'UserLanguage1796247912476';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN language text NOT NULL DEFAULT 'nb'`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_language CHECK (language IN ('nb', 'nn', 'en'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_language`);
    await q.query(`ALTER TABLE app_user DROP COLUMN language`);
  }
}
