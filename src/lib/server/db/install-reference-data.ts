import type { Db } from './client.ts';
import { installReferenceTaxonomy } from '../taxonomy/install-reference-taxonomy.ts';

/**
 * Reference data that db:migrate installs after the schema (idempotent): the taxonomy of
 * areas and audiences, and the search vocabulary kept as data under data/reference/.
 */
export async function installReferenceData(db: Db): Promise<string[]> {
	const installed: string[] = [];
	const { terms } = await installReferenceTaxonomy(db);
	installed.push(`${terms} taxonomy terms`);
	return installed;
}
