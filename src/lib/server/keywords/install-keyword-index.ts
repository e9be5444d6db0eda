/**
 * The A-Z keyword index (/indice) lives in data/reference/indice.json, edited by people, not
 * code. Installing it validates the whole file against the reference taxonomy first, so a typo
 * in an area or audience id stops db:migrate with the entry and field at fault instead of
 * publishing a keyword whose search silently finds nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { keywordIndexEntry } from '../db/schema/index.ts';
import { AppError } from '../shared/errors.ts';
import { AREAS_TAXONOMY, AUDIENCE_TAXONOMY, loadReferenceTaxonomy } from '../taxonomy/reference.ts';

export const keywordIndexFile = () => path.resolve(process.cwd(), 'data/reference/indice.json');

const text = (max: number) => z.string().trim().min(1).max(max);

function keywordFileSchema() {
	const terms = loadReferenceTaxonomy().terms;
	const areaIds = terms.filter((t) => t.taxonomy === AREAS_TAXONOMY).map((t) => t.code);
	const audienceIds = terms.filter((t) => t.taxonomy === AUDIENCE_TAXONOMY).map((t) => t.code);
	const entry = z.strictObject({
		slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'slug: lettere minuscole, cifre e trattini'),
		word: text(60),
		explanation: text(500),
		explanation_en: text(500),
		query: text(200),
		filters: z.strictObject({
			area: z.enum(areaIds as [string, ...string[]]).optional(),
			audience: z.enum(audienceIds as [string, ...string[]]).optional(),
			free: z.literal(true).optional()
		}),
		synonyms: z.array(text(60)).max(20)
	});
	return z.strictObject({
		about: z.string().optional(),
		entries: z
			.array(entry)
			.min(1)
			.superRefine((entries, ctx) => {
				const seen = new Set<string>();
				entries.forEach((e, i) => {
					if (seen.has(e.slug))
						ctx.addIssue({ code: 'custom', path: [i, 'slug'], message: `slug duplicato: ${e.slug}` });
					seen.add(e.slug);
				});
			})
	});
}

export type KeywordFileEntry = z.infer<ReturnType<typeof keywordFileSchema>>['entries'][number];

/** Parses and validates the index; throws INVALID_INPUT naming the first fields at fault. */
export function parseKeywordIndex(raw: unknown): KeywordFileEntry[] {
	const result = keywordFileSchema().safeParse(raw);
	if (!result.success) {
		const issues = result.error.issues.slice(0, 5);
		const where = (p: PropertyKey[]) => p.map(String).join('.');
		throw new AppError(
			'INVALID_INPUT',
			`indice.json non valido: ${issues.map((i) => `${where(i.path)}: ${i.message}`).join('; ')}`,
			{ field: where(issues[0]!.path), cause: result.error }
		);
	}
	return result.data.entries;
}

export function loadKeywordIndex(file = keywordIndexFile()): KeywordFileEntry[] {
	return parseKeywordIndex(JSON.parse(readFileSync(file, 'utf8')));
}

/** Replaces every row of keyword_index_entry with the file's entries, in one transaction. */
export async function installKeywordIndex(
	db: Db,
	entries: KeywordFileEntry[] = loadKeywordIndex()
): Promise<{ entries: number }> {
	await db.transaction(async (tx) => {
		await tx.delete(keywordIndexEntry);
		await tx.insert(keywordIndexEntry).values(
			entries.map((e) => ({
				slug: e.slug,
				word: e.word,
				explanation: e.explanation,
				explanationEn: e.explanation_en,
				query: e.query,
				filters: e.filters,
				synonyms: e.synonyms
			}))
		);
	});
	return { entries: entries.length };
}
