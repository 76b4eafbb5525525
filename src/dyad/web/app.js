// Dyad dashboard: a timeline of one dyad, the events behind a period with their evidence, and the actor network.
// Plain JavaScript and SVG written for Dyad; no library, no CDN.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const QUADS = [
  ["verbal_cooperation", "var(--q1)"], ["material_cooperation", "var(--q2)"],
  ["verbal_conflict", "var(--q3)"], ["material_conflict", "var(--q4)"],
];
const ROOTS = {
  "01": "statements", "02": "appeals", "03": "intent to cooperate", "04": "consultation & mediation",
  "05": "diplomatic cooperation", "06": "material cooperation", "07": "aid", "08": "yield", "09": "investigate",
  "10": "demand", "11": "disapprove", "12": "reject", "13": "threaten", "14": "protest", "15": "force posture",
  "16": "reduce relations", "17": "coerce", "18": "assault", "19": "fight", "20": "mass violence",
};
const $ = (id) => document.getElementById(id);

function el(name, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (parent) parent.appendChild(node);
  return node;
}

function filters() {
  return {
    a: $("actor-a").value.trim().toUpperCase(), b: $("actor-b").value.trim().toUpperCase(),
    since: $("since").value, until: $("until").value, by: $("by").value, root: $("root").value,
    language: $("language").value, plover: $("plover").value, uncertain: $("uncertain").checked,
  };
}

async function getJSON(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== "" && value !== false && value != null) query.set(key, value);
  const response = await fetch(`${path}?${query}`);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function periodEnd(start, by) {
  const date = new Date(start + "T00:00:00Z");
  if (by === "week") date.setUTCDate(date.getUTCDate() + 6);
  else { date.setUTCMonth(date.getUTCMonth() + 1); date.setUTCDate(0); }
  return date.toISOString().slice(0, 10);
}

async function showRelation() {
  const f = filters();
  $("timeline-title").textContent = `Relation ${f.a} ↔ ${f.b} over time`;
  const rows = await getJSON("/dyads", {
    actors: `${f.a},${f.b}`, by: f.by, since: f.since, until: f.until, root: f.root, plover: f.plover,
    language: f.language, undirected: true, include_uncertain: f.uncertain,
  });
  drawTimeline(rows, f);
  await showEvents(f, f.since, f.until, `All events ${f.a} ↔ ${f.b}`);
  await showNetwork(f);
}

function drawTimeline(rows, f) {
  const svg = $("timeline");
  svg.replaceChildren();
  const width = svg.clientWidth || 700, height = svg.clientHeight || 260, pad = 34;
  if (!rows.length) {
    el("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "axis" }, svg).textContent =
      "No events for this pair and period.";
    return;
  }
  const maxCount = Math.max(...rows.map((r) => r.events));
  const slot = (width - 2 * pad) / rows.length, barWidth = Math.max(6, Math.min(48, slot * 0.7));
  const y = (count) => height - pad - (count / maxCount) * (height - 2 * pad);
  const g = (value) => height / 2 - (value / 10) * (height / 2 - pad);
  el("line", { x1: pad, x2: width - pad, y1: height - pad, y2: height - pad, stroke: "#cfd4dc" }, svg);
  el("text", { x: 4, y: pad, class: "axis" }, svg).textContent = String(maxCount);
  const points = [];
  rows.forEach((row, index) => {
    const x = pad + index * slot + (slot - barWidth) / 2;
    let base = 0;
    const group = el("g", { class: "bar", "data-period": row.period, tabindex: 0 }, svg);
    for (const [key, color] of QUADS) {
      const count = row[key];
      if (!count) continue;
      el("rect", { x, y: y(base + count), width: barWidth, height: y(base) - y(base + count), fill: color }, group);
      base += count;
    }
    el("title", {}, group).textContent =
      `${row.period}: ${row.events} events, mean Goldstein ${row.goldstein_mean}, ${row.articles} articles`;
    group.addEventListener("click", () =>
      showEvents(f, row.period, periodEnd(row.period, f.by), `Events ${f.a} ↔ ${f.b}, ${f.by} of ${row.period}`));
    el("text", { x: x + barWidth / 2, y: height - pad + 14, "text-anchor": "middle", class: "axis" }, svg)
      .textContent = row.period.slice(0, f.by === "month" ? 7 : 10);
    points.push(`${x + barWidth / 2},${g(row.goldstein_mean)}`);
  });
  el("polyline", { points: points.join(" "), fill: "none", stroke: "var(--ink)", "stroke-width": 2 }, svg);
  for (const point of points) {
    const [cx, cy] = point.split(",");
    el("circle", { cx, cy, r: 3.5, fill: "var(--ink)" }, svg);
  }
}

function highlighted(event) {
  // a trigger with a gap ("einigten sich beide Seiten auf eine Waffenruhe") may enclose the source or target:
  // each character takes the most specific span over it (actors over the trigger), runs become marks
  const sentence = event.sentence, kinds = new Array(sentence.length).fill(null);
  const mark = (kind, start, end) => {
    for (let i = Math.max(0, start); i < Math.min(sentence.length, end); i++) kinds[i] = kind;
  };
  const trigger = event.trigger;
  if (trigger && trigger.start != null) {
    let from = trigger.start;  // only the trigger's own words: "einigten ... Waffenruhe"
    for (const part of (trigger.text || "").split(" ... ")) {
      const at = part ? sentence.indexOf(part, from) : -1;
      if (at < 0 || at >= trigger.end) { mark("trigger", trigger.start, trigger.end); break; }
      mark("trigger", at, at + part.length);
      from = at + part.length;
    }
  }
  const actors = new Array(sentence.length).fill("");
  for (const kind of ["source", "target"]) {  // "beide Seiten" can be both: one mark of both classes
    const span = event[kind];
    if (!span || span.start == null) continue;
    for (let i = Math.max(0, span.start); i < Math.min(sentence.length, span.end); i++) {
      actors[i] = actors[i] ? `${actors[i]} ${kind}` : kind;
      kinds[i] = actors[i];
    }
  }
  const fragment = document.createDocumentFragment();
  let start = 0;
  for (let i = 1; i <= sentence.length; i++) {
    if (i < sentence.length && kinds[i] === kinds[start]) continue;
    const text = sentence.slice(start, i);
    if (kinds[start] && text.trim()) {
      const element = document.createElement("mark");
      element.className = kinds[start];
      element.textContent = text;
      fragment.append(element);
    } else {
      fragment.append(text);
    }
    start = i;
  }
  return fragment;
}

async function showEvents(f, since, until, title) {
  $("events-title").textContent = title;
  const page = await getJSON("/events", {
    dyad: `${f.a},${f.b}`, since, until, root: f.root, plover: f.plover, language: f.language,
    include_uncertain: f.uncertain, limit: 200,
  });
  renderEvents(page);
}

function renderEvents(page) {
  const list = $("events");
  list.replaceChildren();
  $("events-hint").textContent = `${page.total} event${page.total === 1 ? "" : "s"}` +
    (page.total > page.items.length ? ` (first ${page.items.length} shown)` : "");
  for (const event of page.items) {
    const item = document.createElement("li");
    item.className = "event";
    const head = document.createElement("div");
    head.className = "event-head";
    head.innerHTML = `<span class="date"></span> · <span class="code"></span> <span class="name"></span>`;
    head.querySelector(".date").textContent = event.date || "undated";
    head.querySelector(".code").textContent =
      `${event.source.code} → ${event.target ? event.target.code : "—"}`;
    head.querySelector(".name").textContent = `${event.cameo} ${event.cameo_name} (Goldstein ${event.goldstein})`;
    for (const flag of ["negated", "hypothetical"]) {
      if (event[flag]) {
        const badge = document.createElement("span");
        badge.className = "flag";
        badge.textContent = flag;
        head.append(badge);
      }
    }
    const evidence = document.createElement("p");
    evidence.className = "evidence";
    evidence.append(highlighted(event));
    const meta = document.createElement("div");
    meta.className = "meta";
    meta.textContent = `${event.language} · confidence ${event.confidence}` +
      (event.attributed_to ? ` · according to ${event.attributed_to.text}` : "");
    item.append(head, evidence, meta);
    list.append(item);
    linkArticle(event, meta);
  }
}

async function linkArticle(event, meta) {
  try {
    const detail = await getJSON(`/events/${event.event_id}`, {});
    const article = detail.article || {};
    const safe = /^https?:\/\//i.test(article.url || "");  // no javascript:, data: or file: links
    const link = document.createElement(safe ? "a" : "span");
    if (safe) { link.href = article.url; link.target = "_blank"; link.rel = "noopener noreferrer"; }
    link.textContent = ` · ${article.title || "article"}`;
    meta.append(link);
  } catch (error) { /* the event list stands without its article link */ }
}

async function showNetwork(f) {
  const graph = await getJSON("/network", {
    since: f.since, until: f.until, root: f.root, plover: f.plover, language: f.language, include_uncertain: f.uncertain,
  });
  drawNetwork(graph, f);
}

function layout(nodes, edges, width, height) {
  // Fruchterman-Reingold: nodes repel with k^2/d, edges attract with d^2/k, moves shrink as the layout cools.
  const margin = 40, area = (width - 2 * margin) * (height - 2 * margin), k = Math.sqrt(area / nodes.length) * 0.8;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / nodes.length;
    node.x = width / 2 + (width / 4) * Math.cos(angle);
    node.y = height / 2 + (height / 4) * Math.sin(angle);
  });
  const byId = Object.fromEntries(nodes.map((n) => [n.id, n]));
  let temperature = width / 8;
  for (let step = 0; step < 300; step++) {
    for (const a of nodes) {
      a.dx = 0; a.dy = 0;
      for (const b of nodes) {
        if (a === b) continue;
        const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(Math.hypot(dx, dy), 1);
        a.dx += (dx / d) * (k * k) / d; a.dy += (dy / d) * (k * k) / d;
      }
    }
    for (const edge of edges) {
      const s = byId[edge.source], t = byId[edge.target];
      const dx = t.x - s.x, dy = t.y - s.y, d = Math.max(Math.hypot(dx, dy), 1), pull = (d * d) / k;
      s.dx += (dx / d) * pull; s.dy += (dy / d) * pull; t.dx -= (dx / d) * pull; t.dy -= (dy / d) * pull;
    }
    for (const n of nodes) {
      const d = Math.max(Math.hypot(n.dx, n.dy), 1), move = Math.min(d, temperature);
      n.x = Math.min(width - margin, Math.max(margin, n.x + (n.dx / d) * move));
      n.y = Math.min(height - margin / 2, Math.max(margin / 2, n.y + (n.dy / d) * move));
    }
    temperature *= 0.98;
  }
  return byId;
}

function drawNetwork(graph, f) {
  const svg = $("network");
  svg.replaceChildren();
  const width = svg.clientWidth || 900, height = svg.clientHeight || 420;
  if (!graph.nodes.length) {
    el("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "axis" }, svg).textContent = "No events.";
    return;
  }
  const byId = layout(graph.nodes, graph.edges, width, height);
  const maxWeight = Math.max(...graph.edges.map((e) => e.weight));
  for (const edge of graph.edges) {
    const s = byId[edge.source], t = byId[edge.target];
    const color = edge.goldstein_mean >= 0 ? "var(--q1)" : "var(--q4)";
    const line = el("line", { x1: s.x, y1: s.y, x2: t.x, y2: t.y, stroke: color, class: "edge",
      "stroke-width": 1 + (4 * edge.weight) / maxWeight, "stroke-opacity": 0.7 }, svg);
    el("title", {}, line).textContent =
      `${edge.source} → ${edge.target}: ${edge.weight} events, mean Goldstein ${edge.goldstein_mean}`;
    line.addEventListener("click", () => {
      $("actor-a").value = edge.source; $("actor-b").value = edge.target;
      showRelation();
    });
  }
  const maxEvents = Math.max(...graph.nodes.map((n) => n.events));
  for (const node of graph.nodes) {
    const group = el("g", { class: "node" }, svg);
    el("circle", { cx: node.x, cy: node.y, r: 5 + (10 * node.events) / maxEvents, fill: "#334155" }, group);
    el("text", { x: node.x + 10, y: node.y + 4 }, group).textContent = node.id;
    el("title", {}, group).textContent = `${node.name}: ${node.events} events`;
  }
}

const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

async function fillChoices() {
  for (const type of PLOVER) {
    const option = document.createElement("option");
    option.value = type;
    option.textContent = type.toLowerCase();
    $("plover").append(option);
  }
  for (const [code, name] of Object.entries(ROOTS)) {
    const option = document.createElement("option");
    option.value = code;
    option.textContent = `${code} ${name}`;
    $("root").append(option);
  }
  const actors = await getJSON("/actors", { limit: 200 });
  const seen = new Set();
  for (const actor of actors) {
    if (seen.has(actor.country)) continue;
    seen.add(actor.country);
    const option = document.createElement("option");
    option.value = actor.country;
    option.label = actor.name;
    $("actor-list").append(option);
  }
}

$("filters").addEventListener("submit", (event) => {
  event.preventDefault();
  showRelation().catch((error) => { $("events-hint").textContent = `Error: ${error.message}`; });
});
fillChoices().then(() => showNetwork(filters())).catch(() => {});
