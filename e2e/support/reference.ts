/** The reference taxonomy as data (data/reference/aree-di-bisogno.json), for assertions. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './app-server.ts';

type Label = { it: string; en: string };
type RawFile = {
	areas: { id: string; name: Label; subcategories: { id: string; name: Label }[] }[];
	audiences: { family_types: { id: string; name: Label }[]; people: { id: string; name: Label }[] };
};

const raw = JSON.parse(readFileSync(path.join(ROOT, 'data', 'reference', 'aree-di-bisogno.json'), 'utf8')) as RawFile;

export const AREAS = raw.areas.map((area) => ({
	id: area.id,
	name: area.name,
	subcategories: area.subcategories.map((sub) => ({ id: sub.id, name: sub.name }))
}));
export const AREA_IDS = new Set(AREAS.map((area) => area.id));
export const SUBCATEGORY_IDS = new Set(AREAS.flatMap((area) => area.subcategories.map((sub) => sub.id)));
export const AUDIENCE_IDS = new Set(
	[...raw.audiences.family_types, ...raw.audiences.people].map((audience) => audience.id)
);

export function areaOf(subcategoryId: string): string | undefined {
	return AREAS.find((area) => area.subcategories.some((sub) => sub.id === subcategoryId))?.id;
}
