import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`original_url\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`import_key\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_import_key_idx\` ON \`articles\` (\`import_key\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_original_url\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_import_key\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_import_key_idx\` ON \`_articles_v\` (\`version_import_key\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_import_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`original_url\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`import_key\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_import_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_original_url\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_import_key\`;`)
}
