/** GET /open-data/<file>: one of the cached open-data downloads, streamed from disk. */
import { readOpenDataDir, readPublicOrigin } from '#lib/server/config.ts';
import { getDb } from '#lib/server/db/client.ts';
import { openOpenDataFile } from '#lib/server/exports/open-data-files.ts';
import { rethrowAsHttp } from '#lib/server/http-errors.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const file = await openOpenDataFile(await getDb(), params.file, {
		dir: readOpenDataDir(),
		origin: readPublicOrigin()
	}).catch(rethrowAsHttp);
	return new Response(file.stream, {
		headers: {
			'content-type': file.mediaType,
			'content-length': String(file.bytes),
			'content-disposition': `attachment; filename="${file.name}"`,
			'last-modified': new Date(file.generatedAt).toUTCString(),
			'cache-control': 'public, max-age=300'
		}
	});
};
