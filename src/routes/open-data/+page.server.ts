import { readOpenDataDir, readPublicOrigin } from '#lib/server/config.ts';
import { getDb } from '#lib/server/db/client.ts';
import { getOpenDataFiles } from '#lib/server/exports/open-data-files.ts';
import type { PageServerLoad } from './$types';

// Plain server-rendered HTML: nothing to hydrate.
export const csr = false;

export const load: PageServerLoad = async ({ locals }) => ({
	lang: locals.lang,
	manifest: await getOpenDataFiles(await getDb(), { dir: readOpenDataDir(), origin: readPublicOrigin() })
});
