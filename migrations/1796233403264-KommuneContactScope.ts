import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A kommune contact may be tied to one kommune of its region (review of issue 11): such a contact records
 * only that kommune's kommunestyre decisions and is told only about that kommune's cases. A contact
 * without a kommune stays region-wide, as before. Only kommune_contact rows may carry a kommune. A person
 * may be the contact of several kommuner, so the kommune joins the assignment's uniqueness.
 */
export class KommuneContactScope1796233403264 implements MigrationInterface {
  name = 'KommuneContactScope1796233403264';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE role_assignment ADD COLUMN kommune_id uuid NULL`);
    await q.query(
      `ALTER TABLE role_assignment ADD CONSTRAINT role_assignment_kommune_id_fkey FOREIGN KEY (kommune_id) REFERENCES kommune(id) ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE role_assignment ADD CONSTRAINT role_assignment_kommune_scope CHECK (kommune_id IS NULL OR role = 'kommune_contact')`,
    );
    await q.query(`CREATE INDEX role_assignment_kommune_idx ON role_assignment (kommune_id)`);
    await q.query(`DROP INDEX role_assignment_unique`);
    await q.query(`
      CREATE UNIQUE INDEX role_assignment_unique ON role_assignment
        (user_id, role, coalesce(region_id, '00000000-0000-0000-0000-000000000000'), coalesce(project_id, '00000000-0000-0000-0000-000000000000'),
         coalesce(kommune_id, '00000000-0000-0000-0000-000000000000'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM role_assignment WHERE kommune_id IS NOT NULL`);
    await q.query(`DROP INDEX role_assignment_unique`);
    await q.query(`
      CREATE UNIQUE INDEX role_assignment_unique ON role_assignment
        (user_id, role, coalesce(region_id, '00000000-0000-0000-0000-000000000000'), coalesce(project_id, '00000000-0000-0000-0000-000000000000'))`);
    await q.query(`DROP INDEX role_assignment_kommune_idx`);
    await q.query(`ALTER TABLE role_assignment DROP CONSTRAINT role_assignment_kommune_scope`);
    await q.query(`ALTER TABLE role_assignment DROP CONSTRAINT role_assignment_kommune_id_fkey`);
    await q.query(`ALTER TABLE role_assignment DROP COLUMN kommune_id`);
  }
}
