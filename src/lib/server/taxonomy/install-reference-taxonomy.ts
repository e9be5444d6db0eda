import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { taxonomy, taxonomyTerm } from '../db/schema/index.ts';
import { loadReferenceTaxonomy, termId } from './reference.ts';

/** Installs or refreshes the reference taxonomy as HSDS taxonomies and terms (idempotent). */
export async function installReferenceTaxonomy(db: Db): Promise<{ terms: number }> {
	const ref = loadReferenceTaxonomy();
	await db.transaction(async (tx) => {
		for (const t of ref.taxonomies) {
			await tx
				.insert(taxonomy)
				.values({ ...t, version: '1' })
				.onConflictDoUpdate({ target: taxonomy.id, set: { description: t.description } });
		}
		const byName = new Map(ref.taxonomies.map((t) => [t.name, t.id]));
		for (const term of ref.terms) {
			const values = {
				id: term.id,
				code: term.code,
				name: term.name.it,
				nameEn: term.name.en,
				description: term.description.it,
				descriptionEn: term.description.en,
				parentId: term.parentCode ? termId(term.taxonomy, term.parentCode) : null,
				taxonomy: term.taxonomy,
				taxonomyId: byName.get(term.taxonomy)!,
				language: 'it',
				kind: term.kind,
				position: term.position
			};
			await tx
				.insert(taxonomyTerm)
				.values(values)
				.onConflictDoUpdate({
					target: taxonomyTerm.id,
					set: {
						name: sql`excluded.name`,
						nameEn: sql`excluded.name_en`,
						description: sql`excluded.description`,
						descriptionEn: sql`excluded.description_en`,
						parentId: sql`excluded.parent_id`,
						kind: sql`excluded.kind`,
						position: sql`excluded.position`
					}
				});
		}
	});
	return { terms: ref.terms.length };
}
