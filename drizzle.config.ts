import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/lib/server/db/schema and committed; custom SQL
// (extensions, text search, GIN/GiST indexes) lives in hand-written migrations in the same folder.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle',
	strict: true,
	verbose: true
});
