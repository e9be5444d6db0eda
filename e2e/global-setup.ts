/**
 * Global setup of the e2e tier: the built app on a fresh seeded database, on port 3103.
 * Specs read its address with `inject('baseUrl')` (see support/app.ts). E2E_BASE_URL points the
 * tier at an app that is already running instead.
 */
import type { TestProject } from 'vitest/node';
import { createRunDirectory, ensureBuild, prepareDatabase, removeRunDirectory, startServer } from './support/app-server.ts';
import { computeSweepSample } from './support/sweep-sample.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		dataset: string;
	}
}

export default async function setup(project: TestProject) {
	const external = process.env.E2E_BASE_URL;
	if (external) {
		// an app someone else serves (its database is theirs): no sample of detail pages
		process.stderr.write(`[e2e] testing ${external} (E2E_BASE_URL)\n`);
		project.provide('baseUrl', external.replace(/\/+$/, ''));
		project.provide('dataset', 'external');
		project.provide('sweepSample', { services: [], organizations: [] });
		return;
	}
	ensureBuild();
	const run = createRunDirectory('e2e');
	try {
		const dataset = prepareDatabase(run.dataDir);
		project.provide('dataset', dataset);
		project.provide('sweepSample', await computeSweepSample(run.dataDir));
		const server = await startServer({ buildDir: run.buildDir, dataDir: run.dataDir });
		process.stderr.write(`[e2e] server ready on ${server.url} (${dataset})\n`);
		project.provide('baseUrl', server.url);
		return async () => {
			await server.stop();
			removeRunDirectory(run);
		};
	} catch (error) {
		removeRunDirectory(run);
		throw error;
	}
}
