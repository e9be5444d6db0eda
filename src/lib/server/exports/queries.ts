import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { selectRows } from '../search/rows.ts';

/**
 * A fingerprint of the published directory: it changes whenever a service, organization, place
 * or term is written or removed (every upsert bumps updated_at; a removal changes a count).
 */
export async function findDirectoryVersion(db: DbOrTx): Promise<string> {
	const [row] = await selectRows<{ version: string }>(
		db,
		sql`SELECT concat_ws('|',
			(SELECT count(*) || '@' || coalesce(max(updated_at)::text, '') FROM service),
			(SELECT count(*) || '@' || coalesce(max(updated_at)::text, '') FROM organization),
			(SELECT count(*) || '@' || coalesce(max(updated_at)::text, '') FROM location),
			(SELECT count(*) FROM taxonomy_term)
		) AS version`
	);
	return row!.version;
}
