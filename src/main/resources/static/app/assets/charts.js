// Line charts (Chart.js) of the app's pages: every canvas with data-points (a JSON object of
// ISO day → value, null for a gap) between data-min and data-max, suffixed by data-unit. The
// library (200 KB) is fetched only once a chart scrolls into view, so it never delays the
// page. The canvas names the figure for screen readers; the page's numbers stand without it.
'use strict';
(() => {
	const canvases = [...document.querySelectorAll('canvas[data-points]')];
	if (canvases.length === 0) {
		return;
	}
	let library;
	const load = (source) => {
		library ??= new Promise((resolve, reject) => {
			const script = document.createElement('script');
			script.src = source;
			script.onload = resolve;
			script.onerror = reject;
			document.head.append(script);
		});
		return library;
	};
	const observer = new IntersectionObserver((entries) => entries.filter((entry) => entry.isIntersecting)
		.forEach((entry) => {
			observer.unobserve(entry.target);
			load(entry.target.dataset.library).then(() => draw(entry.target));
		}), { rootMargin: '200px' });
	canvases.forEach((canvas) => observer.observe(canvas));

	function draw(canvas) {
		const colour = getComputedStyle(document.body).getPropertyValue('--accent').trim() || '#2563eb';
		const format = new Intl.DateTimeFormat(document.documentElement.lang, { day: 'numeric', month: 'short' });
		const points = JSON.parse(canvas.dataset.points);
		const unit = canvas.dataset.unit || '';
		new window.Chart(canvas, {
			type: 'line',
			data: {
				labels: Object.keys(points).map((day) => format.format(new Date(`${day}T12:00:00`))),
				datasets: [{ data: Object.values(points), borderColor: colour, backgroundColor: colour, tension: 0.3,
					pointRadius: 2, spanGaps: true }],
			},
			options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } },
				scales: { y: { min: Number(canvas.dataset.min), max: Number(canvas.dataset.max),
					ticks: { callback: (value) => `${value}${unit}` } } } },
		});
	}
})();
