// Draws each test section of a KVLab report from its embedded JSON (see RunView.java), only when it
// is opened. Text always goes in through textContent, never innerHTML: trace details are
// whatever student code printed.
(function () {
  'use strict';
  const SVG = 'http://www.w3.org/2000/svg';
  const ROLE_COLORS = { LEADER: '#e8a317', CANDIDATE: '#f4c27a', PRE_CANDIDATE: '#f9e3bf', FOLLOWER: '#9cc3e6',
    CRASHED: '#555', PAUSED: '#bbb', '?': '#e4e4e4' };
  const OP_COLORS = ['#aec7e8', '#d62728', '#2ca02c', '#ff7f0e'];
  const OP_LABELS = ['other operation', 'fits no linearization', 'in the longest linearizable order found',
    'concurrent, not in that order'];
  const DIAGRAM_KINDS = new Set(['SEND', 'DELIVER', 'DROP', 'DUPLICATE', 'STATE', 'START', 'CRASH', 'RESTART',
    'PAUSE', 'RESUME', 'NETWORK']);
  const MESSAGE = /^#(\d+) (\d+)->(\d+) (.*)$/;

  function html(tag, attrs, parent, text) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }

  function svg(tag, attrs, parent, text) {
    const e = document.createElementNS(SVG, tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }

  function tip(element, text) {
    svg('title', {}, element, text);
    return element;
  }

  function button(parent, label, action) {
    html('button', { type: 'button' }, parent, label).addEventListener('click', action);
  }

  function roleOf(label) {
    return label.split(' ')[0];
  }

  const onlyFailing = document.getElementById('only-failing');
  if (onlyFailing) {
    onlyFailing.addEventListener('change', () => document.body.classList.toggle('only-failing', onlyFailing.checked));
  }

  document.querySelectorAll('details.run').forEach(section => {
    const draw = () => {
      const viz = section.querySelector(':scope > .viz');
      if (!viz || section.dataset.drawn) return;
      section.dataset.drawn = 'yes';
      render(viz, JSON.parse(document.getElementById('data-' + viz.dataset.index).textContent));
    };
    section.addEventListener('toggle', () => { if (section.open) draw(); });
    if (section.open) draw();
  });

  function openFromHash() {
    const target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.tagName === 'DETAILS') target.open = true;
  }
  window.addEventListener('hashchange', openFromHash);
  openFromHash();

  function render(viz, data) {
    const focus = viz.dataset.focus;
    const view = { data, focus, listeners: [] };
    // Moving to a virtual time: every panel that can follow registers here.
    view.goTo = time => view.listeners.forEach(listen => listen(time));
    cutNotes(viz, data);
    lanes(panel(viz, 'Nodes', 'Role and term of each node over virtual time (from the STATE events its test '
      + 'fixture traced); dark: crashed; dashed lines: network changes; red line: ' + focus + '. Click to follow a time.'), data, view);
    messages(panel(viz, 'Messages around ' + focus, 'One column per node or client, time flowing down, one '
      + 'row per event (ticks and notes left out); arrows go from send to delivery, red dashed ones end in a drop.'), data, view);
    if (data.opsTotal > 0) {
      operations(panel(viz, 'Client operations', 'Each bar spans an operation from invocation to response '
        + '(dashed: never returned), one row per client; the counter-example is coloured as the legend says. '
        + 'Click a bar to follow its time.'), data, view);
    }
    traceText(panel(viz, 'Trace', 'The trace text; type to filter (case-insensitive). Only the visible rows exist on the page.'),
      data, view);
  }

  function panel(viz, title, caption) {
    html('h3', {}, viz, title);
    html('p', { class: 'caption' }, viz, caption);
    return html('div', {}, viz);
  }

  function cutNotes(viz, data) {
    const notes = [];
    if (data.total > data.retained) {
      notes.push('The trace kept only its last ' + data.retained + ' of ' + data.total + ' events.');
    }
    if (data.rows.length < data.retained) {
      notes.push('This page embeds events ' + (data.first + 1) + '–' + (data.first + data.rows.length) + ' of the '
        + data.retained + ' retained, around ' + viz.dataset.focus + '; ./kvlab replay with --trace prints them all.');
    }
    if (data.ops.length < data.opsTotal) {
      notes.push('It embeds ' + data.ops.length + ' of ' + data.opsTotal
        + ' client operations: the counter-example and those nearest ' + viz.dataset.focus + '.');
    }
    notes.forEach(text => html('p', { class: 'note' }, viz, text));
  }

  function timeAxis(parent, x, from, to, top, bottom) {
    const step = niceStep((to - from) / 8);
    for (let t = Math.ceil(from / step) * step; t <= to; t += step) {
      svg('line', { x1: x(t), x2: x(t), y1: top, y2: bottom, stroke: '#eee' }, parent);
      svg('text', { x: x(t), y: top - 4, 'text-anchor': 'middle', fill: '#777' }, parent, t + ' ms');
    }
  }

  function niceStep(raw) {
    const power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
    return [1, 2, 5, 10].map(m => m * power).find(s => s >= raw) || power * 10;
  }

  function lanes(parent, data, view) {
    if (data.nodes.length === 0) {
      html('p', { class: 'note' }, parent, 'No node lifecycle events in the trace.');
      return;
    }
    const width = 1200, left = 50, right = 10, row = 24, top = 22;
    const start = Math.min(...data.nodes.map(n => n.segments.length ? n.segments[0][0] : data.end));
    const span = Math.max(1, data.end - start);
    const x = t => left + (t - start) / span * (width - left - right);
    const height = top + data.nodes.length * row + 6;
    const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: '100%' }, parent);
    timeAxis(chart, x, start, data.end, top, height);
    data.nodes.forEach((lane, i) => {
      const y = top + i * row + 3;
      svg('text', { x: 4, y: y + 14 }, chart, 'n' + lane.node);
      lane.segments.forEach(([from, to, label]) => {
        const w = Math.max(1, x(to) - x(from));
        const role = roleOf(label);
        tip(svg('rect', { x: x(from), y, width: w, height: row - 6, fill: ROLE_COLORS[role] || '#ccc' }, chart),
          'n' + lane.node + ': ' + label + ' [' + from + ', ' + to + '] ms');
        const short = role === 'CRASHED' || role === 'PAUSED' || role === '?' ? role.toLowerCase()
          : role.replace('PRE_CANDIDATE', 'pre-cand.').toLowerCase() + ' ' + label.split(' ').slice(1).join(' ');
        if (w > short.length * 6.5 + 6) {
          svg('text', { x: x(from) + 3, y: y + 13, fill: role === 'CRASHED' ? '#fff' : '#222' }, chart, short);
        }
      });
    });
    data.network.forEach(([time, detail]) => tip(svg('line', { x1: x(time), x2: x(time), y1: top, y2: height,
      stroke: '#6a3d9a', 'stroke-dasharray': '3,3', 'stroke-width': 1.5 }, chart), time + ' ms: ' + detail));
    tip(svg('line', { x1: x(data.focus), x2: x(data.focus), y1: top - 2, y2: height, stroke: '#d62728',
      'stroke-width': 2 }, chart), focus + ' at ' + data.focus + ' ms');
    chart.addEventListener('click', e => {
      const box = chart.getBoundingClientRect();
      const t = start + ((e.clientX - box.left) / box.width * width - left) / (width - left - right) * span;
      view.goTo(Math.round(Math.max(start, Math.min(data.end, t))));
    });
  }

  function messages(parent, data, view) {
    const shown = [];
    data.rows.forEach((r, i) => { if (DIAGRAM_KINDS.has(data.kinds[r[2]])) shown.push(i); });
    if (shown.length === 0) {
      html('p', { class: 'note' }, parent, 'No messages or node events in the embedded trace.');
      return;
    }
    const ids = new Set(data.nodes.map(n => n.node));
    shown.forEach(i => {
      const r = data.rows[i];
      if (r[1] >= 0) ids.add(r[1]);
      const m = MESSAGE.exec(r[3]);
      if (m) { ids.add(+m[2]); ids.add(+m[3]); }
    });
    const columns = [...ids].sort((a, b) => a - b);
    const WINDOW = Math.min(60, shown.length);
    const controls = html('div', { class: 'controls' }, parent);
    const slider = html('input', { type: 'range', min: 0, max: shown.length - WINDOW, value: 0 }, controls);
    const label = html('span', {}, controls);
    const place = row => {
      let k = shown.findIndex(i => i >= row);
      if (k < 0) k = shown.length - 1;
      slider.value = Math.max(0, Math.min(shown.length - WINDOW, k - Math.floor(WINDOW * 0.7)));
      draw();
    };
    button(controls, '◀ earlier', () => { slider.value = +slider.value - WINDOW / 2; draw(); });
    button(controls, 'later ▶', () => { slider.value = +slider.value + WINDOW / 2; draw(); });
    button(controls, 'to ' + view.focus, () => place(data.focusRow));
    const holder = html('div', {}, parent);
    slider.addEventListener('input', () => draw());
    view.listeners.push(time => place(rowAt(data, time)));

    function draw() {
      const from = +slider.value, window = shown.slice(from, from + WINDOW);
      const first = data.rows[window[0]], last = data.rows[window[window.length - 1]];
      label.textContent = 'diagram events ' + (from + 1) + '–' + (from + window.length) + ' of ' + shown.length
        + ' (virtual time ' + first[0] + '–' + last[0] + ' ms)';
      holder.textContent = '';
      const colWidth = Math.max(70, Math.min(150, 1100 / columns.length)), left = 70, top = 28, step = 16;
      const width = left + columns.length * colWidth, height = top + window.length * step + 10;
      const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: Math.min(width, 1400) }, holder);
      const defs = svg('defs', {}, chart);
      const arrow = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 6,
        markerHeight: 6, orient: 'auto-start-reverse' }, defs);
      svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#1f4e99' }, arrow);
      const col = id => left + columns.indexOf(id) * colWidth + colWidth / 2;
      columns.forEach(id => {
        svg('text', { x: col(id), y: 14, 'text-anchor': 'middle', 'font-weight': 700 }, chart,
          (data.nodes.some(n => n.node === id) ? 'n' : 'c') + id);
        svg('line', { x1: col(id), x2: col(id), y1: top - 6, y2: height, stroke: '#ccc' }, chart);
      });
      const sentAt = new Map();
      let lastTime = -1;
      window.forEach((rowIndex, k) => {
        const [time, node, kindIndex, detail] = data.rows[rowIndex];
        const kind = data.kinds[kindIndex], y = top + k * step;
        if (rowIndex === data.focusRow) {
          tip(svg('rect', { x: 0, y: y - step / 2, width, height: step, fill: '#fdd' }, chart), view.focus);
        }
        if (time !== lastTime) {
          svg('text', { x: 4, y: y + 4, fill: '#777', class: 'mono' }, chart, time + ' ms');
          lastTime = time;
        }
        const m = MESSAGE.exec(detail);
        if (m && (kind === 'SEND' || kind === 'DUPLICATE')) {
          sentAt.set(m[1], y);
          tip(svg('circle', { cx: col(+m[2]), cy: y, r: 3, fill: '#1f4e99' }, chart), detail);
          svg('text', { x: col(+m[2]) + 5, y: y - 2, class: 'mono', fill: '#1f4e99' }, chart,
            (kind === 'DUPLICATE' ? '2× ' : '') + m[4].split(/[\[({ ]/)[0]);
        } else if (m && (kind === 'DELIVER' || kind === 'DROP')) {
          const drop = kind === 'DROP';
          const y0 = sentAt.has(m[1]) ? sentAt.get(m[1]) : top - 6;
          tip(svg('line', { x1: col(+m[2]), y1: y0, x2: col(+m[3]), y2: y,
            stroke: drop ? '#d62728' : '#1f4e99', 'stroke-dasharray': drop ? '4,3' : '',
            'marker-end': drop ? '' : 'url(#arrow)' }, chart), kind + ' ' + detail);
          if (drop) svg('text', { x: col(+m[3]) - 4, y: y + 4, fill: '#d62728', 'font-weight': 700 }, chart, '×');
        } else if (kind === 'NETWORK') {
          tip(svg('line', { x1: left, x2: width, y1: y, y2: y, stroke: '#6a3d9a', 'stroke-dasharray': '6,3' }, chart), detail);
          svg('text', { x: left + 4, y: y - 3, fill: '#6a3d9a' }, chart, detail.slice(0, 80));
        } else if (node >= 0) {
          const text = kind === 'STATE' ? detail.replace('PRE_CANDIDATE', 'PRE_CAND') : kind;
          const fill = kind === 'STATE' ? ROLE_COLORS[roleOf(detail)] || '#ccc' : kind === 'CRASH' ? '#555' : '#ddd';
          tip(svg('rect', { x: col(node) - colWidth / 2 + 4, y: y - 7, width: colWidth - 8, height: 14, rx: 3, fill }, chart),
            kind + ' ' + detail);
          svg('text', { x: col(node), y: y + 4, 'text-anchor': 'middle', fill: kind === 'CRASH' ? '#fff' : '#222' },
            chart, text.slice(0, Math.floor(colWidth / 6)));
        }
      });
    }
    place(data.focusRow);
  }

  function rowAt(data, time) {
    const i = data.rows.findIndex(r => r[0] >= time);
    return i < 0 ? data.rows.length - 1 : i;
  }

  function operations(parent, data, view) {
    const keys = [...new Set(data.ops.map(o => o[2]))].sort();
    const controls = html('div', { class: 'controls' }, parent);
    html('span', {}, controls, 'key');
    const keySelect = html('select', {}, controls);
    html('option', { value: '' }, keySelect, 'all keys');
    keys.forEach(k => html('option', { value: k }, keySelect, k));
    keySelect.value = data.verdictKey;
    const marked = data.ops.filter(o => o[6] > 0);
    let from, to;
    const fitMarked = () => {
      if (marked.length === 0) { from = data.focus - 2000; to = data.focus + 200; return; }
      from = Math.min(...marked.map(o => o[4]));
      to = Math.max(data.focus, ...marked.map(o => o[5] < 0 ? o[4] : o[5]));
      const pad = Math.max(20, (to - from) * 0.08);
      from -= pad; to += pad;
    };
    fitMarked();
    const zoom = factor => { const mid = (from + to) / 2, half = (to - from) * factor / 2; from = mid - half; to = mid + half; draw(); };
    const pan = share => { const d = (to - from) * share; from += d; to += d; draw(); };
    button(controls, 'zoom in', () => zoom(0.5));
    button(controls, 'zoom out', () => zoom(2));
    button(controls, '◀', () => pan(-0.5));
    button(controls, '▶', () => pan(0.5));
    button(controls, 'counter-example', () => { fitMarked(); draw(); });
    button(controls, 'all', () => {
      from = Math.min(...data.ops.map(o => o[4]));
      to = Math.max(...data.ops.map(o => o[5] < 0 ? o[4] : o[5]));
      draw();
    });
    const legend = html('div', { class: 'legend' }, parent);
    OP_LABELS.forEach((text, i) => html('span', { style: 'background:' + OP_COLORS[i] + ';color:' + (i === 1 ? '#fff' : '#222') }, legend, text));
    const holder = html('div', {}, parent);
    const status = html('p', { class: 'caption' }, parent);
    keySelect.addEventListener('change', () => draw());
    view.listeners.push(time => { const half = (to - from) / 2; from = time - half; to = time + half; draw(); });

    function draw() {
      holder.textContent = '';
      to = Math.max(to, from + 1);
      const key = keySelect.value;
      const ops = data.ops.filter(o => (!key || o[2] === key) && o[4] <= to && (o[5] < 0 || o[5] >= from));
      const clients = [...new Set(data.ops.filter(o => !key || o[2] === key).map(o => o[1]))].sort((a, b) => a - b);
      const width = 1200, left = 60, right = 10, top = 22, row = 28;
      const x = t => left + (Math.max(from, Math.min(to, t)) - from) / (to - from) * (width - left - right);
      const height = top + clients.length * row + 6;
      const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: '100%' }, holder);
      timeAxis(chart, t => left + (t - from) / (to - from) * (width - left - right), Math.ceil(from), Math.floor(to), top, height);
      clients.forEach((c, i) => svg('text', { x: 4, y: top + i * row + 17 }, chart, 'client ' + c));
      const drawn = ops.slice(0, 3000).sort((a, b) => a[6] - b[6]);
      drawn.forEach(([id, client, opKey, call, invoked, returned, mark]) => {
        const y = top + clients.indexOf(client) * row + 4;
        const x0 = x(invoked), x1 = returned < 0 ? x(to) : x(returned);
        const bar = tip(svg('rect', { x: x0, y, width: Math.max(mark ? 6 : 2, x1 - x0), height: row - 8, rx: 3,
          fill: OP_COLORS[mark], stroke: mark ? '#333' : '#7f9fc0', 'stroke-dasharray': returned < 0 ? '4,3' : '',
          'fill-opacity': returned < 0 ? 0.4 : 1, 'stroke-width': mark === 1 ? 2 : 1 }, chart),
          'client ' + client + ' #' + id + ': ' + call + ' [' + invoked + ', ' + (returned < 0 ? 'never returned' : returned) + ']');
        bar.style.cursor = 'pointer';
        bar.addEventListener('click', () => view.goTo(invoked));
        if (x1 - x0 > 50) {
          svg('text', { x: x0 + 3, y: y + 14, fill: mark === 1 ? '#fff' : '#222', 'pointer-events': 'none' }, chart,
            call.slice(0, Math.floor((x1 - x0) / 6.2)));
        }
      });
      if (data.focus >= from && data.focus <= to) {
        svg('line', { x1: x(data.focus), x2: x(data.focus), y1: top - 2, y2: height, stroke: '#d62728', 'stroke-width': 2 }, chart);
      }
      status.textContent = ops.length + ' operations in ' + Math.round(from) + '–' + Math.round(to) + ' ms'
        + (ops.length > drawn.length ? ' (first ' + drawn.length + ' drawn; zoom in)' : '');
    }
    draw();
  }

  function traceText(parent, data, view) {
    const ROW = 18;
    const controls = html('div', { class: 'controls' }, parent);
    const filter = html('input', { type: 'search', placeholder: 'filter, e.g. n3 or DROP or #1234', size: 40 }, controls);
    const count = html('span', {}, controls);
    const box = html('div', { class: 'trace-view' }, parent);
    const spacer = html('div', {}, box);
    const lines = data.rows.map(([time, node, kind, detail]) =>
      time + ' ' + (node < 0 ? '-' : 'n' + node) + ' ' + data.kinds[kind] + (detail ? ' ' + detail : ''));
    const lower = lines.map(l => l.toLowerCase());
    let matches = lines.map((_, i) => i);
    button(controls, 'to ' + view.focus, () => scrollToRow(data.focusRow));

    function scrollToRow(row) {
      let k = matches.findIndex(i => i >= row);
      if (k < 0) k = matches.length - 1;
      box.scrollTop = Math.max(0, k * ROW - box.clientHeight / 2);
      paint();
    }

    function paint() {
      box.querySelectorAll('div.row').forEach(r => r.remove());
      const firstVisible = Math.max(0, Math.floor(box.scrollTop / ROW) - 5);
      const lastVisible = Math.min(matches.length, firstVisible + Math.ceil(box.clientHeight / ROW) + 10);
      for (let k = firstVisible; k < lastVisible; k++) {
        const i = matches[k];
        const row = html('div', { class: 'row ' + data.kinds[data.rows[i][2]] + (i === data.focusRow ? ' focus' : '') },
          box, lines[i]);
        row.style.top = (k * ROW) + 'px';
        row.title = 'event ' + (data.first + i + 1) + ' of ' + data.retained;
      }
    }

    filter.addEventListener('input', () => {
      const needle = filter.value.trim().toLowerCase();
      matches = [];
      lower.forEach((l, i) => { if (!needle || l.includes(needle)) matches.push(i); });
      spacer.style.height = (matches.length * ROW) + 'px';
      count.textContent = matches.length + ' of ' + lines.length + ' embedded events';
      box.scrollTop = 0;
      paint();
    });
    box.addEventListener('scroll', () => paint());
    view.listeners.push(time => scrollToRow(rowAt(data, time)));
    spacer.style.height = (matches.length * ROW) + 'px';
    count.textContent = lines.length + ' embedded events';
    scrollToRow(data.focusRow);
  }
})();
