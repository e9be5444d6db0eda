/**
 * Installs the 9 municipi and 88 NIL (data/reference/*.geojson) as reference data: every
 * db:migrate upserts them, so a corrected boundary file reaches the database on the next deploy.
 * Then the foreign keys from location (added NOT VALID by migration 0006) are validated over the
 * rows that existed before.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { municipio, nil } from '../db/schema/index.ts';
import { loadBoundaryPlaces, type BoundaryPlace } from './boundaries.ts';
import { readReferenceCollection } from './locate.ts';

const shapeColumns = (p: BoundaryPlace) => ({
	geometry: p.geometry,
	centreLat: p.centre.lat,
	centreLon: p.centre.lon,
	minLat: p.bbox.minLat,
	minLon: p.bbox.minLon,
	maxLat: p.bbox.maxLat,
	maxLon: p.bbox.maxLon
});

const excluded = (columns: string[]) =>
	Object.fromEntries(columns.map((c) => [c, sql.raw(`excluded.${c.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`)}`)]));

const SHAPE = ['geometry', 'centreLat', 'centreLon', 'minLat', 'minLon', 'maxLat', 'maxLon'];

export async function installBoundaries(db: Db): Promise<{ municipi: number; nil: number }> {
	const places = loadBoundaryPlaces();
	const officialNames = new Map(
		readReferenceCollection<{ ID_NIL: number; NIL: string }>('nil.geojson').features.map((f) => [
			Number(f.properties.ID_NIL),
			f.properties.NIL.trim()
		])
	);
	await db.transaction(async (tx) => {
		await tx
			.insert(municipio)
			.values(places.municipi.map((m) => ({ number: m.number, name: m.name, ...shapeColumns(m) })))
			.onConflictDoUpdate({ target: municipio.number, set: excluded(['name', ...SHAPE]) });
		await tx
			.insert(nil)
			.values(
				places.nil.map((n) => ({
					id: n.id,
					name: n.name,
					officialName: officialNames.get(n.id)!,
					slug: n.slug,
					municipio: n.municipio,
					...shapeColumns(n)
				}))
			)
			.onConflictDoUpdate({ target: nil.id, set: excluded(['name', 'officialName', 'slug', 'municipio', ...SHAPE]) });
		await tx.execute(sql`ALTER TABLE location VALIDATE CONSTRAINT location_municipio_municipio_number_fk`);
		await tx.execute(sql`ALTER TABLE location VALIDATE CONSTRAINT location_nil_id_nil_id_fk`);
	});
	return { municipi: places.municipi.length, nil: places.nil.length };
}
