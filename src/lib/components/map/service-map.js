// The small map of a service page. The page is rendered on the server and ships no Svelte
// runtime; this module (about 1 kB) waits until the map's box scrolls into view, then loads
// Leaflet's ES module and stylesheets (hashed assets, URLs in the box's data-service-map) and
// draws one marker per place. Without JavaScript the box stays hidden.
/** @typedef {{ name: string, lat: number, lon: number }} Place */
/** @type {NodeListOf<HTMLElement>} */
const boxes = document.querySelectorAll('[data-service-map]');
for (const box of boxes) {
	/** @type {{ leaflet: string, styles: string[], tiles: { url: string, attribution: string }, places: Place[] }} */
	const config = JSON.parse(box.dataset.serviceMap ?? '{}');
	box.hidden = false;
	const observer = new IntersectionObserver(async (entries) => {
		if (!entries.some((entry) => entry.isIntersecting)) return;
		observer.disconnect();
		for (const href of config.styles) {
			const link = document.createElement('link');
			link.rel = 'stylesheet';
			link.href = href;
			document.head.append(link);
		}
		const L = await import(config.leaflet);
		const map = L.map(box, { scrollWheelZoom: false });
		map.attributionControl.setPrefix(false);
		L.tileLayer(config.tiles.url, { attribution: config.tiles.attribution, maxZoom: 19 }).addTo(map);
		const icon = L.divIcon({ className: 'map-pin', html: '<span aria-hidden="true"></span>', iconSize: [28, 28], iconAnchor: [14, 28] });
		for (const place of config.places) {
			L.marker([place.lat, place.lon], { icon, title: place.name, keyboard: false }).addTo(map);
		}
		/** @type {[number, number][]} */
		const points = config.places.map((place) => [place.lat, place.lon]);
		if (points.length === 1) map.setView(points[0], 16);
		else map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 16 });
	});
	observer.observe(box);
}
