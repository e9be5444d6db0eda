/**
 * Places for the map's db tests: a deterministic spread over Milan in which every seventh
 * service shares one address (by the Duomo) and, with `neighbours`, every fifth of the others
 * stands a few metres from the rest of them (Via Padova): groups of one and of many in any view.
 */
export function testPoint(i: number, neighbours = false): { lat: number; lon: number } {
	const r = (k: number) => ((Math.sin(i * 12.9898 + k * 78.233) * 43758.5453) % 1 + 1) % 1;
	if (i % 7 === 0) return { lat: 45.4642, lon: 9.19 };
	if (neighbours && i % 5 === 0) return { lat: 45.4781 + r(1) * 0.0004, lon: 9.2274 + r(2) * 0.0004 };
	return { lat: 45.39 + r(1) * 0.14, lon: 9.05 + r(2) * 0.23 };
}
