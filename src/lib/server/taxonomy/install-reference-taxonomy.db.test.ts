import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDb, type TestDb } from '#tests/db.ts';
import { taxonomyTerm } from '../db/schema/index.ts';
import { installReferenceTaxonomy } from './install-reference-taxonomy.ts';

let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
});
afterAll(() => t.destroy());

describe('installReferenceTaxonomy', () => {
	it('installs 11 areas with their sub-categories and the audiences, idempotently', async () => {
		await installReferenceTaxonomy(t.db); // second run must not duplicate
		const counts = await t.db
			.select({ kind: taxonomyTerm.kind, n: sql<number>`count(*)::int` })
			.from(taxonomyTerm)
			.groupBy(taxonomyTerm.kind);
		const byKind = Object.fromEntries(counts.map((c) => [c.kind, c.n]));
		expect(byKind).toEqual({ area: 11, subcategory: 40, family_type: 6, person_group: 11 });
	});

	it('links a sub-category to its area', async () => {
		const [sub] = await t.db.select().from(taxonomyTerm).where(eq(taxonomyTerm.code, 'badanti'));
		const [area] = await t.db.select().from(taxonomyTerm).where(eq(taxonomyTerm.id, sub!.parentId!));
		expect(area!.code).toBe('sostegno-a-casa');
		expect(sub!.nameEn).toBe('Home carers');
	});
});
