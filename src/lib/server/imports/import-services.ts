/**
 * Imports HSDS services in bulk (the demo seed, the search evaluation corpus, `npm run import`).
 * Each record is validated, then written atomically through upsertService(): a rejected record
 * is reported with its reasons and leaves nothing behind, the others go in.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql, TransactionRollbackError } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { AppError, isAppError } from '../shared/errors.ts';
import { refreshSearchDocuments } from '../search/refresh-search-documents.ts';
import { refreshSearchVocabulary } from '../search/refresh-search-vocabulary.ts';
import { parseHsdsService, type HsdsServiceInput } from './hsds-service.input.ts';
import {
	canWriteInBulk,
	checkServiceReferences,
	loadImportContext,
	upsertService,
	upsertServices,
	type ImportContext
} from './upsert-service.ts';

export type RejectedRecord = {
	/** Position in the source, for ordering the report. */
	index: number;
	/** Where in the source: `[12]` (JSON), `services.csv riga 5`, `pagina 3, [7]`. */
	where: string;
	id: string | null;
	name: string | null;
	reasons: string[];
};
export type ImportReport = { created: number; updated: number; rejected: RejectedRecord[] };
export type ImportOptions = {
	/** Validate and rehearse every write, then roll everything back. */
	dryRun?: boolean;
	/** Called as valid records are written, about every hundred, with how many there are. */
	onProgress?: (done: number, total: number) => void;
};

/**
 * One item of an import source: a service to validate and write, or a part of the source that
 * was already rejected while staging it (a CSV row pointing nowhere). `where` names the place in
 * the source; `locate` turns a validation issue of the assembled record back into its file and
 * row (the tabular data package), else the JSON path is given after `where`.
 */
export type ImportItem =
	| {
			record: unknown;
			where: string;
			locate?: (path: readonly PropertyKey[], message: string) => string;
	  }
	| { rejected: { where: string; id: string | null; name: string | null; reasons: string[] } };

/**
 * The services of a payload: a JSON array of services, an HSDS API page (`{ "contents": [...] }`),
 * `{ "services": [...] }` (the evaluation corpus), or a single service object.
 */
export function servicesOf(payload: unknown): unknown[] {
	if (Array.isArray(payload)) return payload;
	if (payload && typeof payload === 'object') {
		const p = payload as Record<string, unknown>;
		if (Array.isArray(p.contents)) return p.contents;
		if (Array.isArray(p.services)) return p.services;
		if ('id' in p && 'name' in p) return [p];
	}
	throw new AppError(
		'INVALID_INPUT',
		'il file deve contenere servizi HSDS: un array JSON, una pagina dell\'API HSDS ({"contents": [...]}) o {"services": [...]}'
	);
}

type PgErrorFields = { code: string; table?: string; column?: string; constraint?: string; detail?: string };

/** The raw error fields: PGlite names them like libpq (`table`), postgres.js with a suffix (`table_name`). */
type RawPgError = PgErrorFields & { table_name?: string; column_name?: string; constraint_name?: string };

function findPgError(error: unknown): PgErrorFields | undefined {
	for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
		if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
			const raw = e as RawPgError;
			return {
				code: raw.code,
				table: raw.table ?? raw.table_name,
				column: raw.column ?? raw.column_name,
				constraint: raw.constraint ?? raw.constraint_name,
				detail: raw.detail
			};
		}
		e = e.cause as typeof e;
	}
	return undefined;
}

/**
 * A database failure as a reason an importer can act on. Never the query or its parameters:
 * they hold the record's contact details.
 */
export function describeWriteError(error: unknown): string {
	const pg = findPgError(error);
	if (!pg) return 'scrittura non riuscita per un errore interno';
	const table = pg.table ? ` (tabella ${pg.table})` : '';
	switch (pg.code) {
		case '23505':
			return `un id o un valore unico è già usato da un altro record${table}${pg.detail ? `: ${pg.detail}` : ''}`;
		case '23503':
			return `riferimento a un record che non esiste${table}${pg.detail ? `: ${pg.detail}` : ''}`;
		case '23502':
			return `campo obbligatorio mancante${table}${pg.column ? `: ${pg.column}` : ''}`;
		case '54000':
			return 'un testo del servizio è troppo lungo per essere indicizzato dalla ricerca';
		case '22P02':
		case '22003':
		case '22007':
		case '22008':
			return `valore non accettato dal database${table}`;
		default:
			return `scrittura non riuscita (codice ${pg.code})${table}`;
	}
}

const stringField = (record: unknown, key: string): string | null => {
	const value = record && typeof record === 'object' ? (record as Record<string, unknown>)[key] : undefined;
	return typeof value === 'string' ? value : null;
};

/** Records written per transaction: in bulk when they can be, else one savepoint each. */
const BATCH_SIZE = 250;
/** Records after which planner statistics are first refreshed during an import, then at each doubling. */
const ANALYZE_FIRST_AT = 200;

type Valid = { index: number; where: string; id: string; name: string; input: HsdsServiceInput };
type Outcome = { record: Valid; result: 'created' | 'updated' } | { record: Valid; reasons: string[] };
type InTransaction = <T>(work: (tx: DbOrTx) => Promise<T>) => Promise<T>;

const reasonsOf = (error: unknown) => [isAppError(error) ? error.message : describeWriteError(error)];

/**
 * Writes a batch in one transaction: the plain records (reference terms, places in full) with
 * upsertServices() in a few multi-row statements, the others each in its own savepoint, then
 * one search refresh for all. If anything fails, the batch is rolled back and its records are
 * written again one transaction each, so a bad record is found, reported and rolled back alone
 * and cannot sink its neighbours.
 */
async function writeBatch(batch: Valid[], inTransaction: InTransaction, context: ImportContext): Promise<Outcome[]> {
	try {
		return await inTransaction(async (tx) => {
			const bulk = batch.filter((r) => canWriteInBulk(r.input, context));
			const results = await upsertServices(tx, bulk.map((r) => r.input), context);
			const outcomes: Outcome[] = bulk.map((record, i) => ({ record, result: results[i]! }));
			for (const record of batch.filter((r) => !bulk.includes(r))) {
				const result = await tx.transaction((sp) => upsertService(sp, record.input, { context, refreshSearch: false }));
				outcomes.push({ record, result });
			}
			await refreshSearchDocuments(tx, batch.map((r) => r.id));
			return outcomes;
		});
	} catch {
		const outcomes: Outcome[] = [];
		for (const record of batch) {
			try {
				outcomes.push({ record, result: await inTransaction((tx) => upsertService(tx, record.input, { context })) });
			} catch (error) {
				outcomes.push({ record, reasons: reasonsOf(error) });
			}
		}
		return outcomes;
	}
}

async function* itemsOf(records: unknown[]): AsyncGenerator<ImportItem> {
	for (const [index, record] of records.entries()) yield { record, where: `[${index}]` };
}

/** importServiceItems() over a payload already in memory (the seed, the fixtures, the tests). */
export async function importServices(db: Db, payload: unknown, options: ImportOptions = {}): Promise<ImportReport> {
	const records = servicesOf(payload);
	return importServiceItems(db, itemsOf(records), options);
}

/**
 * Stage, validate, write. First the whole source is read and every record validated, the valid
 * ones staged in a temporary file (one JSON line each, so memory stays flat however large the
 * source): a source that fails half way (malformed JSON near the end of a large file, an HSDS
 * server that stops answering) throws before anything is written. Then the staged records are
 * written in batches (writeBatch): a record that fails is reported with its reasons and leaves
 * nothing behind; the others go in. Of two records with the same id, the second is rejected.
 * Ends by refreshing the search vocabulary.
 */
export async function importServiceItems(
	db: Db,
	items: AsyncIterable<ImportItem>,
	options: ImportOptions = {}
): Promise<ImportReport> {
	const context = await loadImportContext(db);
	const report: ImportReport = { created: 0, updated: 0, rejected: [] };
	const dir = await mkdtemp(path.join(tmpdir(), 'piazza-import-'));
	try {
		const staged = path.join(dir, 'staged.jsonl');
		const valid = await stage(items, context, report, staged);
		const writeAll = async (inTransaction: InTransaction, analyze: () => Promise<unknown>) => {
			let done = 0;
			let analyzeAt = ANALYZE_FIRST_AT;
			let batch: Valid[] = [];
			const flush = async () => {
				for (const outcome of await writeBatch(batch, inTransaction, context)) {
					if ('result' in outcome) report[outcome.result]++;
					else {
						const { index, where, id, name } = outcome.record;
						report.rejected.push({ index, where, id, name, reasons: outcome.reasons });
					}
				}
				done += batch.length;
				batch = [];
				options.onProgress?.(done, valid);
				if (done >= analyzeAt) {
					// Planner statistics while the tables grow: without them (PGlite never runs
					// autovacuum) the lookups by id and slug of each batch can turn into sequential
					// scans of ever larger tables.
					await analyze();
					analyzeAt *= 2;
				}
			};
			const lines = createInterface({ input: createReadStream(staged, 'utf8'), crlfDelay: Infinity });
			for await (const line of lines) {
				batch.push(JSON.parse(line) as Valid);
				if (batch.length === BATCH_SIZE) await flush();
			}
			if (batch.length > 0) await flush();
		};
		if (!options.dryRun) {
			await writeAll((work) => db.transaction(work), () => db.execute(sql`ANALYZE`));
			// whole-corpus statistics of search (idf, typo dictionary): once per import, not per record
			if (report.created + report.updated > 0) {
				await refreshSearchVocabulary(db);
				await db.execute(sql`ANALYZE`);
			}
		} else {
			// A rehearsal: every write inside one outer transaction (so later records see earlier
			// ones, as in a real import), rolled back at the end.
			try {
				await db.transaction(async (outer) => {
					await writeAll((work) => outer.transaction(work), () => outer.execute(sql`ANALYZE`));
					outer.rollback();
				});
			} catch (error) {
				if (!(error instanceof TransactionRollbackError)) throw error;
			}
		}
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
	report.rejected.sort((a, b) => a.index - b.index);
	return report;
}

/** Reads and validates the whole source; writes the valid records to `file`; returns how many. */
async function stage(
	items: AsyncIterable<ImportItem>,
	context: ImportContext,
	report: ImportReport,
	file: string
): Promise<number> {
	const out = createWriteStream(file, 'utf8');
	const firstWhere = new Map<string, string>();
	let index = 0;
	let valid = 0;
	try {
		for await (const item of items) {
			if ('rejected' in item) {
				report.rejected.push({ index: index++, ...item.rejected });
				continue;
			}
			const { record, where } = item;
			const id = stringField(record, 'id');
			const name = stringField(record, 'name');
			const reject = (reasons: string[]) => report.rejected.push({ index, where, id, name, reasons });
			const key = id?.toLowerCase();
			if (key !== undefined && firstWhere.has(key)) {
				reject([`id ripetuto: lo stesso id compare già in ${firstWhere.get(key)}`]);
			} else {
				if (key !== undefined) firstWhere.set(key, where);
				const parsed = parseHsdsService(record);
				const issues = parsed.ok ? checkServiceReferences(parsed.value, context) : [];
				if (!parsed.ok) {
					reject(item.locate ? parsed.issues.map((i) => item.locate!(i.path, i.message)) : parsed.reasons);
				} else if (issues.length > 0) {
					reject(issues.map((i) => `${i.path}: ${i.message}`));
				} else {
					const line: Valid = { index, where, id: parsed.value.id, name: parsed.value.name, input: parsed.value };
					if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
					valid++;
				}
			}
			index++;
		}
	} finally {
		out.end();
		await once(out, 'close');
	}
	return valid;
}
