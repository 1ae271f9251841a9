import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`workflow_events\` ADD \`actor_name\` text;`)
  // Events recorded before the column existed take their actor's current name; the scheduler's own
  // (no actor) are named as recordEvent names them.
  await db.run(sql`UPDATE \`workflow_events\` SET \`actor_name\` = (SELECT \`name\` FROM \`users\` WHERE \`users\`.\`id\` = \`workflow_events\`.\`actor_id\`) WHERE \`actor_id\` IS NOT NULL;`)
  await db.run(sql`UPDATE \`workflow_events\` SET \`actor_name\` = 'Scheduler' WHERE \`actor_id\` IS NULL AND \`action\` IN ('scheduled_publish', 'schedule_failed');`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`workflow_events\` DROP COLUMN \`actor_name\`;`)
}
