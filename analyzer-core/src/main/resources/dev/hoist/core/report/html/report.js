// Hoist HTML report. The flame graph follows async-profiler's converter (flame.html,
// Copyright The async-profiler authors, Apache-2.0): levels of frames on a canvas, binary search
// under the mouse, click to zoom, regex search. Names reach the page only through textContent
// and canvas text, never as markup.
'use strict';
(function () {
	const data = JSON.parse(document.getElementById('hoist-data').textContent);

	// Sortable tables: numbers sort on data-v, text on the cell's text.
	document.querySelectorAll('table.sortable').forEach(function (table) {
		table.querySelectorAll('th').forEach(function (th, col) {
			th.addEventListener('click', function () {
				const numeric = th.dataset.sort === 'num';
				const asc = !th.classList.contains('desc') && th.classList.contains('asc') ? false
					: th.classList.contains('desc') ? true : !numeric;
				table.querySelectorAll('th').forEach(function (h) { h.classList.remove('asc', 'desc'); });
				th.classList.add(asc ? 'asc' : 'desc');
				const body = table.tBodies[0];
				const rows = Array.from(body.rows);
				rows.sort(function (a, b) {
					const x = a.cells[col], y = b.cells[col];
					const r = numeric ? (+x.dataset.v) - (+y.dataset.v) : x.textContent.localeCompare(y.textContent);
					return asc ? r : -r;
				});
				rows.forEach(function (r) { body.appendChild(r); });
			});
		});
	});

	if (!data.flame) return;
	// FrameType ordinals: interpreted, jit, c1, inlined, native, c++, kernel, unknown
	const palette = [
		[0xb2e1b2, 20, 20, 20], [0x50e150, 30, 30, 30], [0xcce880, 20, 20, 20], [0x50cccc, 30, 30, 30],
		[0xe15a5a, 30, 40, 40], [0xc8c83c, 30, 30, 10], [0xe17d00, 30, 30, 0], [0xcccccc, 20, 20, 20]
	];
	const typeNames = ['interpreted', 'JIT compiled', 'C1 compiled', 'inlined', 'native', 'JVM (C++)', 'kernel', 'unknown'];
	function color(type, name) {
		const p = palette[type < 0 ? 7 : type];
		// stable per name (the converter uses Math.random): the same frame keeps its colour on reload
		let hsh = 0;
		for (let i = 0; i < name.length; i++) hsh = (hsh * 31 + name.charCodeAt(i)) | 0;
		const v = ((hsh >>> 0) % 1000) / 1000;
		return '#' + (p[0] + ((p[1] * v) << 16 | (p[2] * v) << 8 | (p[3] * v))).toString(16).padStart(6, '0');
	}
	function levelsOf(flame) {
		const lv = [];
		for (let h = 0; h < flame.depth; h++) lv.push([]);
		flame.frames.forEach(function (r) {
			const title = flame.names[r[4]];
			lv[r[0]].push({level: r[0], left: r[1], width: r[2], self: r[3], title: title, type: r[5],
				color: color(r[5], title)});
		});
		return lv;
	}

	const canvas = document.getElementById('fg');
	const c = canvas.getContext('2d');
	const hl = document.getElementById('fg-hl');
	const status = document.getElementById('fg-status');
	const match = document.getElementById('fg-match');
	const rowH = 16;
	let levels, all, canvasHeight, canvasWidth, unit;
	let root, px, pattern, inverted = false;

	// the ranked kind's graph, or the allocation graph (widths in bytes)
	function load(flame, unitName) {
		levels = levelsOf(flame);
		all = levels[0][0];
		unit = unitName;
		canvasHeight = levels.length * rowH + 4;
		canvas.style.height = canvasHeight + 'px';
		canvasWidth = canvas.offsetWidth || 1000;
		canvas.width = canvasWidth * (devicePixelRatio || 1);
		canvas.height = canvasHeight * (devicePixelRatio || 1);
		c.setTransform(devicePixelRatio || 1, 0, 0, devicePixelRatio || 1, 0, 0);
		c.font = '12px Verdana, sans-serif';
		render(all);
		const wrap = document.getElementById('fg-wrap');
		// deep stacks make a tall graph: start at the bottom, where the roots and the wide frames are
		wrap.scrollTop = wrap.scrollHeight;
	}

	function pct(a, b) { return a >= b ? '100' : (100 * a / b).toFixed(2); }
	function amount(n) { return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
	function y(h) { return inverted ? h * rowH : canvasHeight - (h + 1) * rowH; }

	function findFrame(frames, x) {
		let left = 0, right = frames.length - 1;
		while (left <= right) {
			const mid = (left + right) >>> 1;
			const f = frames[mid];
			if (f.left > x) right = mid - 1;
			else if (f.left + f.width <= x) left = mid + 1;
			else return f;
		}
		return null;
	}

	function render(newRoot) {
		root = newRoot || all;
		c.fillStyle = '#ffffff';
		c.fillRect(0, 0, canvasWidth, canvasHeight);
		px = canvasWidth / root.width;
		const x0 = root.left, x1 = x0 + root.width;
		const hits = [];
		for (let h = 0; h < levels.length; h++) {
			const frames = levels[h];
			for (let i = 0; i < frames.length; i++) {
				const f = frames[i];
				if (f.left >= x1 || f.left + f.width <= x0) continue;
				const hit = pattern && pattern.test(f.title);
				if (hit) hits.push(f);
				c.fillStyle = hit ? '#ee00ee' : f.color;
				const fx = (f.left - x0) * px, fw = f.width * px;
				c.fillRect(fx, y(h), fw, rowH - 1);
				if (fw >= 21) {
					const chars = Math.floor(fw / 7);
					const t = f.title.length <= chars ? f.title : f.title.substring(0, chars - 2) + '..';
					c.fillStyle = '#000000';
					c.fillText(t, Math.max(fx, 0) + 3, y(h) + 12, fw - 6);
				}
				if (h < root.level) {
					c.fillStyle = 'rgba(255, 255, 255, 0.5)';
					c.fillRect(fx, y(h), fw, rowH - 1);
				}
			}
		}
		// a matched frame under a matched parent is already counted in the parent's width
		hits.sort(function (a, b) { return a.left - b.left || b.width - a.width; });
		let matched = 0, right = -1;
		hits.forEach(function (f) { if (f.left >= right) { matched += f.width; right = f.left + f.width; } });
		match.textContent = pattern ? 'Matched: ' + pct(matched, all.width) + '% of all' : '';
	}

	function describe(f) {
		return f.title + '  [' + (typeNames[f.type] || 'root') + ']  total ' + amount(f.width) + unit + ' (' + pct(f.width, all.width)
			+ '%), self ' + amount(f.self) + unit + ' (' + pct(f.self, all.width) + '%)';
	}

	canvas.addEventListener('mousemove', function (event) {
		const h = Math.floor((inverted ? event.offsetY : (canvasHeight - event.offsetY)) / rowH);
		const f = h >= 0 && h < levels.length ? findFrame(levels[h], event.offsetX / px + root.left) : null;
		if (!f) { hl.style.display = 'none'; canvas.style.cursor = ''; canvas.title = ''; return; }
		hl.style.left = (Math.max(f.left - root.left, 0) * px) + 'px';
		hl.style.width = (Math.min(f.width, root.width) * px) + 'px';
		hl.style.top = y(h) + 'px';
		hl.firstChild.textContent = f.title;
		hl.style.display = 'block';
		canvas.title = describe(f);
		status.textContent = describe(f);
		canvas.style.cursor = 'pointer';
		canvas.onclick = function () { render(f === root ? all : f); };
	});
	canvas.addEventListener('mouseout', function () { hl.style.display = 'none'; });

	const search = document.getElementById('fg-search');
	search.addEventListener('keydown', function (e) {
		if (e.key !== 'Enter') return;
		try {
			pattern = search.value ? new RegExp(search.value) : undefined;
			search.style.outline = '';
		} catch (err) {
			search.style.outline = '2px solid #cf222e';
			return;
		}
		render(root);
	});
	document.getElementById('fg-reset').addEventListener('click', function () {
		pattern = undefined; search.value = ''; render(all);
	});
	document.getElementById('fg-invert').addEventListener('click', function () { inverted = !inverted; render(root); });
	const kindButton = document.getElementById('fg-kind');
	if (kindButton && data.allocFlame) {
		let showingAlloc = false;
		kindButton.addEventListener('click', function () {
			showingAlloc = !showingAlloc;
			load(showingAlloc ? data.allocFlame : data.flame, showingAlloc ? ' bytes' : unitOf(data.kind));
			kindButton.textContent = showingAlloc ? 'Show ' + data.kind : 'Show allocations';
			document.getElementById('fg-title').textContent = showingAlloc ? 'alloc' : data.kind;
		});
	}
	function unitOf(kind) { return kind === 'alloc' ? ' bytes' : kind === 'lock' ? ' ns' : ' samples'; }
	load(data.flame, unitOf(data.kind));
})();
