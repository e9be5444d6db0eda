/**
 * The map's tiles are images from the configured tile server: the pages that draw a map (and
 * only they) allow that origin as an image source in their Content-Security-Policy, which
 * vite.config.ts otherwise limits to the portal itself.
 */
import { readMapConfig } from '../config.ts';

/** Route ids of the pages with a map. */
const MAP_ROUTES = new Set(['/mappa', '/servizi/[slug]']);

export function withTileImages(csp: string, origin: string): string {
	return csp.replace(/(^|;\s*)img-src([^;]*)/, (_match, start: string, sources: string) =>
		`${start}img-src${sources} ${origin}`
	);
}

/** The CSP of a response, widened for the tiles when the route draws a map. */
export function mapPageCsp(routeId: string | null, csp: string | null): string | null {
	if (!csp || !routeId || !MAP_ROUTES.has(routeId)) return null;
	return withTileImages(csp, readMapConfig().tileOrigin);
}

/** What a page's map needs to draw the tiles. */
export function tilesForPage(): { url: string; attribution: string } {
	const { tileUrl, attribution } = readMapConfig();
	return { url: tileUrl, attribution };
}
