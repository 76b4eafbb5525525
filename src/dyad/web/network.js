// The network: the top actors of the selected period, placed by a force layout (computed here: deterministic, so a
// link shows the same picture), directed edges with an arrow near the target, zoom and pan by Plotly; click an
// actor or an arrow for its events. Labels: the biggest actors at first, every actor in view once zoomed in.
"use strict";

const LABELS = 24, LABELS_ZOOMED = 80, EDGES_PER_ACTOR = 4;

function layout(nodes, edges) {
  // Fruchterman-Reingold on the unit square: nodes repel with k^2/d, edges attract with d^2/k (stronger for
  // heavier edges, on a log scale), and the moves shrink as the layout cools.
  const k = Math.sqrt(1 / Math.max(nodes.length, 1)) * 1.2, byId = new Map();
  nodes.forEach((node, i) => {
    const angle = 2.399963 * i, radius = 0.45 * Math.sqrt((i + 0.5) / nodes.length);  // a sunflower, big ones central
    node.x = 0.5 + radius * Math.cos(angle); node.y = 0.5 + radius * Math.sin(angle);
    byId.set(node.id, node);
  });
  const heaviest = Math.log(1 + Math.max(1, ...edges.map((e) => e.weight)));
  const links = edges.map((e) => [byId.get(e.source), byId.get(e.target), 0.3 + Math.log(1 + e.weight) / heaviest]);
  let temperature = 0.1;
  for (let step = 0; step < 250; step++) {
    for (const a of nodes) { a.dx = 0; a.dy = 0; }
    for (let i = 0; i < nodes.length; i++) {
      const a = nodes[i];
      for (let j = i + 1; j < nodes.length; j++) {
        const b = nodes[j], dx = a.x - b.x, dy = a.y - b.y, d2 = Math.max(dx * dx + dy * dy, 1e-6);
        const push = (k * k) / d2;
        a.dx += dx * push; a.dy += dy * push; b.dx -= dx * push; b.dy -= dy * push;
      }
    }
    for (const [s, t, strength] of links) {
      const dx = t.x - s.x, dy = t.y - s.y, d = Math.max(Math.hypot(dx, dy), 1e-6), pull = (d * strength) / k;
      s.dx += dx * pull; s.dy += dy * pull; t.dx -= dx * pull; t.dy -= dy * pull;
    }
    for (const n of nodes) {
      n.dx += (0.5 - n.x) * 0.5; n.dy += (0.5 - n.y) * 0.5;  // gravity keeps loose actors on the page
      const d = Math.max(Math.hypot(n.dx, n.dy), 1e-9), move = Math.min(d, temperature);
      n.x += (n.dx / d) * move; n.y += (n.dy / d) * move;
    }
    temperature *= 0.985;
  }
  spread(nodes);
  return byId;
}

function spread(nodes) {
  // a force layout of many actors is a dense core and a few far strays: keep each actor's direction from the
  // centre and the order of the distances, but give the distances an even density (a disc, as a sunflower)
  const cx = nodes.reduce((sum, n) => sum + n.x, 0) / nodes.length;
  const cy = nodes.reduce((sum, n) => sum + n.y, 0) / nodes.length;
  const order = [...nodes].sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy));
  order.forEach((n, rank) => {
    const angle = Math.atan2(n.y - cy, n.x - cx), radius = 0.5 * Math.sqrt((rank + 0.5) / nodes.length);
    n.x = 0.5 + radius * Math.cos(angle); n.y = 0.5 + radius * Math.sin(angle);
  });
}

function edgeTraces(edges, byId, selected) {
  const maxWeight = Math.max(1, ...edges.map((e) => e.weight));
  const groups = new Map();
  for (const edge of edges) {
    const s = byId.get(edge.source), t = byId.get(edge.target);
    const width = 0.6 + 3.4 * Math.sqrt(edge.weight / maxWeight), level = Math.round(width);
    const key = `${edge.goldstein_mean >= 0 ? "c" : "k"}${level}`;
    if (!groups.has(key)) groups.set(key, { x: [], y: [], width: level, coop: edge.goldstein_mean >= 0 });
    const group = groups.get(key);
    group.x.push(s.x, t.x, null); group.y.push(s.y, t.y, null);
  }
  const traces = [...groups.values()].map((g) => ({
    type: "scatter", mode: "lines", x: g.x, y: g.y, hoverinfo: "skip", showlegend: false,
    line: { width: Math.max(0.6, g.width), color: g.coop ? "rgba(76,154,95,0.45)" : "rgba(192,57,43,0.45)" },
  }));
  if (selected) {
    const s = byId.get(selected[0]), t = byId.get(selected[1]);
    if (s && t) traces.push({ type: "scatter", mode: "lines", x: [s.x, t.x], y: [s.y, t.y], hoverinfo: "skip",
      showlegend: false, line: { width: 4, color: "#1d2433" } });
  }
  return traces;
}

function arrowTrace(edges, byId) {
  // an arrow 70% along each edge, pointing at the target: also the edge's hover and click target
  const x = [], y = [], angle = [], text = [], customdata = [], color = [];
  for (const edge of edges) {
    const s = byId.get(edge.source), t = byId.get(edge.target);
    x.push(s.x + 0.7 * (t.x - s.x)); y.push(s.y + 0.7 * (t.y - s.y));
    angle.push((Math.atan2(t.x - s.x, t.y - s.y) * 180) / Math.PI);
    text.push(`${edge.source} → ${edge.target}: ${edge.weight}, mean Goldstein ${edge.goldstein_mean}`);
    customdata.push(["edge", edge.source, edge.target]);
    color.push(edge.goldstein_mean >= 0 ? "#4c9a5f" : "#c0392b");
  }
  return { type: "scatter", mode: "markers", x, y, text, customdata, hovertemplate: "%{text}<extra></extra>",
    showlegend: false, marker: { symbol: "arrow", angle, size: 9, color, line: { width: 0 } } };
}

function labels(nodes, range) {
  const inside = range ? nodes.filter((n) => n.x >= range.x[0] && n.x <= range.x[1] && n.y >= range.y[0]
    && n.y <= range.y[1]) : nodes;
  const keep = new Set(inside.slice(0, range ? LABELS_ZOOMED : LABELS).map((n) => n.id));
  return nodes.map((n) => (keep.has(n.id) ? n.id : ""));
}

export function drawNetwork(element, graph, state, handlers) {
  // the strongest edges only (the API sends them heaviest first): 200 actors stay readable; the threshold and the
  // top-N controls, zoom and search show the rest
  const nodes = graph.nodes, edges = graph.edges.slice(0, EDGES_PER_ACTOR * nodes.length);
  element.drawnEdges = edges.length;
  if (!nodes.length) {
    Plotly.react(element, [], { height: 520, xaxis: { visible: false }, yaxis: { visible: false },
      annotations: [{ text: "No events between actors here.", showarrow: false, xref: "paper", yref: "paper",
        x: 0.5, y: 0.5 }] }, { displaylogo: false });
    return;
  }
  const byId = layout(nodes, edges), maxEvents = Math.max(...nodes.map((n) => n.events));
  const biggest = nodes.length > 100 ? 14 : 22;  // many actors: smaller discs, so that they do not cover each other
  const focus = state.node;
  const nodeTrace = {
    type: "scatter", mode: "markers+text", x: nodes.map((n) => n.x), y: nodes.map((n) => n.y),
    text: labels(nodes, null), textposition: "top center", textfont: { size: 11, color: "#1d2433" },
    customdata: nodes.map((n) => ["node", n.id]), showlegend: false,
    hovertext: nodes.map((n) => `${n.name} (${n.id}): ${n.events}`), hovertemplate: "%{hovertext}<extra></extra>",
    marker: { size: nodes.map((n) => 6 + biggest * Math.sqrt(n.events / maxEvents)),
      color: nodes.map((n) => (n.id === focus ? "#e0a030" : "#334155")),
      line: { width: nodes.map((n) => (n.id === focus ? 3 : 1)), color: "#fff" } },
  };
  const edge = state.edge ? state.edge.split(",") : null;
  const traces = [...edgeTraces(edges, byId, edge), arrowTrace(edges, byId), nodeTrace];
  const bounds = (key) => {
    const values = nodes.map((n) => n[key]), low = Math.min(...values), high = Math.max(...values);
    const pad = Math.max(0.06, (high - low) * 0.06);
    return [low - pad, high + pad];
  };
  const plotLayout = { height: 560, margin: { l: 4, r: 4, t: 4, b: 4 }, dragmode: "pan", hovermode: "closest",
    xaxis: { visible: false, range: bounds("x") }, yaxis: { visible: false, range: bounds("y"), scaleanchor: "x" } };
  const centre = focus && byId.get(focus);
  if (centre) {
    plotLayout.xaxis.range = [centre.x - 0.2, centre.x + 0.2];
    plotLayout.yaxis.range = [centre.y - 0.2, centre.y + 0.2];
  }
  const config = { displaylogo: false, responsive: true, scrollZoom: true,
    modeBarButtonsToRemove: ["select2d", "lasso2d"] };
  element.nodes = nodes;
  element.labelTrace = traces.length - 1;
  Plotly.react(element, traces, plotLayout, config).then(() => {
    element.handlers = handlers;
    if (centre) relabel(element);
    if (element.dataset.bound) return;
    element.dataset.bound = "1";
    element.on("plotly_click", (event) => {
      const data = event.points[0] && event.points[0].customdata;
      if (!data) return;
      if (data[0] === "node") element.handlers.node(data[1]);
      else element.handlers.edge(data[1], data[2]);
    });
    element.on("plotly_relayout", (change) => {
      if (Object.keys(change).some((key) => key.startsWith("xaxis") || key.startsWith("yaxis"))) relabel(element);
    });
  });
}

export function highlight(element, id) {
  // the selected actor in colour, without a new layout or a new request
  if (!element.nodes) return;
  const color = element.nodes.map((n) => (n.id === id ? "#e0a030" : "#334155"));
  const width = element.nodes.map((n) => (n.id === id ? 3 : 1));
  Plotly.restyle(element, { "marker.color": [color], "marker.line.width": [width] }, [element.labelTrace]);
}

function relabel(element) {
  const full = element._fullLayout, zoomed = full.xaxis.range[1] - full.xaxis.range[0] < 0.6;
  const range = zoomed ? { x: full.xaxis.range, y: full.yaxis.range } : null;
  Plotly.restyle(element, { text: [labels(element.nodes, range)] }, [element.labelTrace]);
}
