import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`public_pages\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`article\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`document\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`public_pages_article_idx\` ON \`public_pages\` (\`article\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`public_pages_slug_idx\` ON \`public_pages\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`public_pages_updated_at_idx\` ON \`public_pages\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`public_pages_created_at_idx\` ON \`public_pages\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`public_pages_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`public_pages\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`public_pages_texts_order_parent\` ON \`public_pages_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`public_pages_texts_text_idx\` ON \`public_pages_texts\` (\`text\`);`)
  await db.run(sql`CREATE INDEX \`public_pages_texts_parent_idx\` ON \`public_pages_texts\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`public_listings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`list\` text NOT NULL,
  	\`article\` text NOT NULL,
  	\`published_at\` text NOT NULL,
  	\`lists\` text NOT NULL,
  	\`card\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`public_listings_article_idx\` ON \`public_listings\` (\`article\`);`)
  await db.run(sql`CREATE INDEX \`public_listings_updated_at_idx\` ON \`public_listings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`public_listings_created_at_idx\` ON \`public_listings\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`list_publishedAt_idx\` ON \`public_listings\` (\`list\`,\`published_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`public_pages\`;`)
  await db.run(sql`DROP TABLE \`public_pages_texts\`;`)
  await db.run(sql`DROP TABLE \`public_listings\`;`)
}
