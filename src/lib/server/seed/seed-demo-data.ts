/**
 * Fills the directory with the demo data of Milan: every seed source through the one import
 * path (importServices). A seed must be clean: any rejected record fails the whole run, with
 * the reasons, so a broken converter never ships a half-filled directory.
 */
import type { Db } from '../db/client.ts';
import { importServices } from '../imports/import-services.ts';
import { buildDemoServices, readSeedFiles, type SeedFiles } from './build-demo-services.ts';

export type SeedReport = { services: number; rejected: number; created: number; updated: number };

export async function seedDemoData(
	db: Db,
	options: { files?: SeedFiles; onProgress?: (done: number, total: number) => void } = {}
): Promise<SeedReport> {
	const services = buildDemoServices(options.files ?? readSeedFiles());
	const report = await importServices(db, services, { onProgress: options.onProgress });
	if (report.rejected.length > 0) {
		const reasons = report.rejected
			.slice(0, 20)
			.map((r) => `- [${r.index}] ${r.name ?? r.id ?? '?'}: ${r.reasons.join('; ')}`)
			.join('\n');
		throw new Error(
			`Seed non riuscito: ${report.rejected.length} record rifiutati su ${services.length}\n${reasons}`
		);
	}
	return { services: services.length, rejected: 0, created: report.created, updated: report.updated };
}
