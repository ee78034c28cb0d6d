// The live dashboard: polls the silo's read-only /v1 endpoints and draws what they answer. No libraries, no other host.
'use strict';

const KEY_STORAGE = 'aiaas.apiKey';
const WATCH_STORAGE = 'aiaas.watchUser';
const POLL_MS = 2000;
const $ = (id) => document.getElementById(id);

class AuthNeeded extends Error {}

// Relative to the page (/ui/), so that a proxy that mounts the silo under a path prefix still works.
async function api(path) {
  const headers = { Accept: 'application/json' };
  const key = sessionStorage.getItem(KEY_STORAGE);
  if (key) {
    headers['X-API-Key'] = key;
  }
  const response = await fetch('../v1/' + path, { headers, cache: 'no-store' });
  if (response.status === 401) {
    askForKey(key ? 'The silo did not accept this key. Enter another.' : 'This silo needs an API key.');
    throw new AuthNeeded();
  }
  if (response.status === 403) {
    askForKey('This key lacks the read scope the dashboard needs. Enter a key with read (or admin) scope.');
    throw new AuthNeeded();
  }
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch { /* not a problem document */ }
    throw new Error(`${path}: ${response.status} ${detail}`);
  }
  return response.json();
}

function askForKey(message) {
  $('key-message').textContent = message;
  $('key-form').hidden = false;
}

function text(id, value) {
  $(id).textContent = value === null || value === undefined ? '–' : String(value);
}

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
// Training metrics run from milliseconds of training to thousands of events: three significant digits suit both.
const metric = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 3 });
const time = (iso) => (iso ? new Date(iso).toLocaleString() : '–');

function renderActivity(report) {
  const buckets = report.buckets;
  const last = buckets.length ? buckets[buckets.length - 1] : null;
  // The last bucket is still filling; the one before is a steadier rate once there is one.
  const shown = buckets.length > 1 && last.seconds < report.bucketSeconds / 2 ? buckets[buckets.length - 2] : last;
  text('events-rate', shown ? number.format(shown.eventsPerSecond) : null);
  text('recs-rate', shown ? number.format(shown.recommendationsPerSecond) : null);
  const p99 = [...buckets].reverse().find((b) => b.recommendationP99Ms !== null);
  text('p99', p99 ? number.format(p99.recommendationP99Ms) + ' ms' : null);
  text('events-total', report.eventsTotal);
  text('recs-total', report.recommendationsTotal);
  $('events-total').dataset.value = report.eventsTotal;
  $('recs-total').dataset.value = report.recommendationsTotal;
  drawPlot($('activity-plot'), buckets, report.bucketSeconds);
}

function drawPlot(canvas, buckets, bucketSeconds) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || canvas.width;
  const height = canvas.clientHeight || canvas.height;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const g = canvas.getContext('2d');
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, width, height);

  const style = getComputedStyle(document.documentElement);
  const pad = { left: 48, right: 52, top: 10, bottom: 22 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const slots = Math.round(300 / bucketSeconds);
  const x = (i) => pad.left + (plotW * (i + slots - buckets.length)) / Math.max(slots - 1, 1);
  const rates = buckets.flatMap((b) => [b.eventsPerSecond, b.recommendationsPerSecond]);
  const rateMax = niceMax(Math.max(1, ...rates));
  const p99Max = niceMax(Math.max(1, ...buckets.map((b) => b.recommendationP99Ms || 0)));

  g.strokeStyle = style.getPropertyValue('--line');
  g.fillStyle = style.getPropertyValue('--muted');
  g.font = '11px system-ui, sans-serif';
  g.lineWidth = 1;
  for (let step = 0; step <= 4; step++) {
    const y = pad.top + plotH - (plotH * step) / 4;
    g.beginPath();
    g.moveTo(pad.left, y);
    g.lineTo(pad.left + plotW, y);
    g.stroke();
    g.textAlign = 'right';
    g.fillText(number.format((rateMax * step) / 4), pad.left - 6, y + 4);
    g.textAlign = 'left';
    g.fillText(number.format((p99Max * step) / 4), pad.left + plotW + 6, y + 4);
  }
  g.textAlign = 'left';
  g.fillText('−5 min', pad.left, height - 6);
  g.textAlign = 'right';
  g.fillText('now', pad.left + plotW, height - 6);

  const line = (color, value, max) => {
    g.strokeStyle = style.getPropertyValue(color);
    g.lineWidth = 2;
    g.beginPath();
    let drawing = false;
    buckets.forEach((b, i) => {
      const v = value(b);
      if (v === null || v === undefined) {
        drawing = false;
        return;
      }
      const y = pad.top + plotH - (plotH * v) / max;
      if (drawing) {
        g.lineTo(x(i), y);
      } else {
        g.moveTo(x(i), y);
        drawing = true;
      }
    });
    g.stroke();
    // A dot per bucket as well, so that a series with one value so far still shows.
    g.fillStyle = g.strokeStyle;
    buckets.forEach((b, i) => {
      const v = value(b);
      if (v !== null && v !== undefined) {
        g.beginPath();
        g.arc(x(i), pad.top + plotH - (plotH * v) / max, 2.5, 0, 2 * Math.PI);
        g.fill();
      }
    });
  };
  line('--events', (b) => b.eventsPerSecond, rateMax);
  line('--recs', (b) => b.recommendationsPerSecond, rateMax);
  line('--p99', (b) => b.recommendationP99Ms, p99Max);
}

function niceMax(value) {
  const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
  const scaled = value / magnitude;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * magnitude;
}

function listItem(id, detail, reason) {
  const li = document.createElement('li');
  li.dataset.itemId = id;
  const name = document.createElement('span');
  name.className = 'id';
  name.textContent = id;
  li.append(name);
  if (detail !== null) {
    const score = document.createElement('span');
    score.className = 'score';
    score.textContent = detail;
    li.append(score);
  }
  if (reason) {
    const why = document.createElement('span');
    why.className = 'reason';
    why.textContent = reason;
    li.append(why);
  }
  return li;
}

function renderTrending(trending) {
  $('trending').replaceChildren(...trending.items.map((item) => listItem(item.itemId, null, null)));
  $('trending-empty').hidden = trending.items.length > 0;
}

function renderModel(model, versions) {
  text('model-version', model.version);
  text('model-trained-at', time(model.trainedAt));
  text('model-users', model.users);
  text('model-items', model.items);
  text('model-factors', model.factors);
  text('model-training', model.training ? model.progress || 'yes' : 'no');
  text('model-error', model.lastError ? `${model.lastError} (${time(model.lastErrorAt)})` : null);
  $('model-error').classList.toggle('error', Boolean(model.lastError));
  const metrics = Object.entries(model.metrics || {}).sort(([a], [b]) => a.localeCompare(b));
  $('model-metrics').replaceChildren(...metrics.flatMap(([name, value]) => {
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.textContent = metric.format(value);
    return [dt, dd];
  }));
  $('model-versions').replaceChildren(...versions.versions.map((v) => {
    const row = document.createElement('tr');
    const trainedAt = new Date(v.trainedAt);
    for (const cell of [v.version, trainedAt.toLocaleTimeString(), v.users, v.items, v.events, v.trainSeconds.toFixed(2), v.totalSeconds.toFixed(2)]) {
      const td = document.createElement('td');
      td.textContent = String(cell);
      row.append(td);
    }
    row.children[1].title = trainedAt.toLocaleString();
    return row;
  }));
}

// The watched user's list: items that were not in the previous answer are marked, and each change is counted.
const watch = { userId: null, previous: null, changes: 0 };

function startWatching(userId) {
  watch.userId = userId;
  watch.previous = null;
  watch.changes = 0;
  sessionStorage.setItem(WATCH_STORAGE, userId);
  $('watch-list').replaceChildren();
  $('watch-status').textContent = `Watching ${userId}…`;
  refresh();
}

async function refreshWatched() {
  const userId = watch.userId;
  if (!userId) {
    return;
  }
  const answer = await api(`users/${encodeURIComponent(userId)}/recommendations?count=10`);
  if (userId !== watch.userId) {
    return;
  }
  const ids = answer.items.map((item) => item.itemId);
  const before = new Set(watch.previous || []);
  const changed = watch.previous !== null && ids.join('\n') !== watch.previous.join('\n');
  if (changed) {
    watch.changes++;
  }
  $('watch-list').replaceChildren(...answer.items.map((item) => {
    const li = listItem(item.itemId, item.score.toFixed(3), item.reason);
    li.classList.toggle('new', watch.previous !== null && !before.has(item.itemId));
    return li;
  }));
  $('watch-list').dataset.changes = watch.changes;
  watch.previous = ids;
  const model = answer.modelVersion === null ? 'no trained model yet' : `model v${answer.modelVersion}`;
  $('watch-status').textContent = `${userId}: ${ids.length} items, ${model}, ${watch.changes} changes, updated ${new Date().toLocaleTimeString()}`;
}

async function refresh() {
  const results = await Promise.allSettled([
    api('activity').then(renderActivity),
    api('trending?count=20').then(renderTrending),
    Promise.all([api('model'), api('model/versions')]).then(([model, versions]) => renderModel(model, versions)),
    refreshWatched(),
  ]);
  const failures = results.filter((r) => r.status === 'rejected').map((r) => r.reason);
  const status = $('status');
  if (failures.length === 0) {
    $('key-form').hidden = true;
    status.textContent = `Updated ${new Date().toLocaleTimeString()}`;
    status.classList.remove('error');
  } else if (!failures.every((f) => f instanceof AuthNeeded)) {
    status.textContent = failures.find((f) => !(f instanceof AuthNeeded)).message;
    status.classList.add('error');
  } else {
    status.textContent = 'Waiting for an API key.';
  }
}

function start() {
  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY_STORAGE, $('api-key').value.trim());
    $('api-key').value = '';
    refresh();
  });
  $('key-forget').addEventListener('click', () => {
    sessionStorage.removeItem(KEY_STORAGE);
    refresh();
  });
  $('watch-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const userId = $('watch-user').value.trim();
    if (userId) {
      startWatching(userId);
    }
  });
  const remembered = sessionStorage.getItem(WATCH_STORAGE);
  if (remembered) {
    $('watch-user').value = remembered;
    watch.userId = remembered;
  }
  refresh();
  setInterval(refresh, POLL_MS);
}

start();
