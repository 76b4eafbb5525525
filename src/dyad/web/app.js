// Dyad dashboard: the timeline of a relation (or of everything), the network of the selected period, and the
// events behind a selection with their evidence. Charts by plotly.js, served by Dyad from the plotly wheel.
// Every view costs one request to /dashboard/view (the first also brings the actor suggestions).
"use strict";

import { drawList } from "./list.js";
import { drawNetwork, highlight } from "./network.js";
import * as State from "./state.js";
import { drawTimeline, selectionShape } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const ROOTS = {
  "01": "statements", "02": "appeals", "03": "intent to cooperate", "04": "consultation & mediation",
  "05": "diplomatic cooperation", "06": "material cooperation", "07": "aid", "08": "yield", "09": "investigate",
  "10": "demand", "11": "disapprove", "12": "reject", "13": "threaten", "14": "protest", "15": "force posture",
  "16": "reduce relations", "17": "coerce", "18": "assault", "19": "fight", "20": "mass violence",
};
const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
let state = State.read();  // the one mutable value: what the URL says
let busy = Promise.resolve();

function fillForm() {
  for (const key of State.FILTERS) {
    const value = State.value(state, key);
    if (key === "count") {
      for (const radio of document.querySelectorAll('input[name="count"]')) radio.checked = radio.value === value;
    } else if ($(key).type === "checkbox") $(key).checked = value === "true";
    else $(key).value = value;
  }
}

function readForm() {
  const next = {};
  for (const key of State.FILTERS) {
    if (key === "count") next.count = document.querySelector('input[name="count"]:checked').value;
    else if ($(key).type === "checkbox") next[key] = $(key).checked ? "true" : "";
    else next[key] = key === "a" || key === "b" ? $(key).value.trim().toUpperCase() : $(key).value;
  }
  return next;
}

function describe() {
  const a = state.a, b = state.b, arrow = state.directed === "true" ? "→" : "↔";
  const who = a && b ? `${a} ${arrow} ${b}` : a || b ? `with ${a || b}` : "all actors";
  let selection = state.edge ? state.edge.replace(",", " → ") : state.node ? `with ${state.node}` : who;
  if (state.period_from || state.period_to) {
    selection += `, ${state.period_from || "…"} to ${state.period_to || "…"}`;
  }
  return { who, selection };
}

async function show(parts, push = true) {
  State.write(state, push);
  const counting = State.value(state, "count");
  const { who, selection } = describe();
  $("status").textContent = "Loading…";
  const view = await State.fetchView(state, parts);
  $("status").textContent = "";
  const handlers = { period: selectPeriod, node: selectNode, edge: selectEdge, bin: () => State.value(state, "bin") };
  if (view.timeline) {
    $("timeline-title").textContent = `${capital(counting)} over time: ${who}`;
    const left = view.timeline.left_out;
    $("left-out").textContent = left ? `${left} ${counting} dated only to a coarser period than a ${view.timeline.bin} are left out.` : "";
    drawTimeline($("timeline"), view.timeline, state, handlers);
  } else if (window.Plotly && $("timeline").data) {
    Plotly.relayout($("timeline"), { shapes: selectionShape(state.period_from, state.period_to) });
  }
  if (view.network) {
    const graph = view.network;
    drawNetwork($("network"), graph, state, handlers);
    $("network-note").textContent = `${graph.nodes.length} of ${graph.actors} actors, ` +
      `${$("network").drawnEdges} of ${graph.edges_total} edges (the strongest)`;
  }
  if (view.actors) fillActors(view.actors);
  if (view.list) {
    const page = view.list;
    $("list-title").textContent = `${capital(counting)}: ${selection}`;
    drawList($("events"), page);
    const last = Math.min(page.offset + page.limit, page.total);
    $("page").textContent = page.total ? `${page.offset + 1}–${last} of ${page.total} ${counting}` : "";
    $("previous").disabled = page.offset === 0;
    $("next").disabled = page.next_offset == null;
  }
  $("selection").textContent = selection;
  $("download-csv").href = State.downloadLink(state, "csv");
  $("download-jsonl").href = State.downloadLink(state, "jsonl");
}

function capital(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function run(parts, push = true) {
  const mine = Symbol("view");
  document.body.dataset.busy = "true";  // for tests and for the cursor: a view is on its way
  busy = busy.then(() => show(parts, push)).catch((error) => { $("status").textContent = `Error: ${error.message}`; })
    .finally(() => { if (busy.latest === mine) delete document.body.dataset.busy; });
  busy.latest = mine;
  return busy;
}

function selectPeriod(from, to) {
  if ((from || null) === (state.period_from || null) && (to || null) === (state.period_to || null)) return;
  state = { ...state, period_from: from || "", period_to: to || "", offset: "" };
  run(["network", "list"]);
}

function selectNode(id) {
  state = { ...state, node: id, edge: "", offset: "" };
  highlight($("network"), id);
  run(["list"]);
}

function selectEdge(source, target) {
  state = { ...state, edge: `${source},${target}`, node: "", offset: "" };
  highlight($("network"), null);
  run(["list"]);
}

function page(step) {
  const offset = Math.max(0, Number(State.value(state, "offset")) + step * State.PAGE);
  state = { ...state, offset: String(offset) };
  run(["list"]).then(() => $("list-panel").scrollIntoView({ block: "start" }));
}

function find() {
  const wanted = $("find").value.trim().toLowerCase(), nodes = $("network").nodes || [];
  if (!wanted) return;
  const hit = nodes.find((n) => n.id.toLowerCase() === wanted) ||
    nodes.find((n) => n.name.toLowerCase().startsWith(wanted) || n.id.toLowerCase().startsWith(wanted));
  if (!hit) { $("network-note").textContent = `${$("find").value} is not among the actors shown.`; return; }
  state = { ...state, node: hit.id, edge: "", offset: "" };
  run(["network", "list"]);
}

function fillChoices() {
  for (const type of PLOVER) $("plover").append(new Option(type.toLowerCase(), type));
  for (const [code, name] of Object.entries(ROOTS)) $("root").append(new Option(`${code} ${name}`, code));
}

function fillActors(actors) {
  const seen = new Set(), options = [];
  for (const actor of actors) {
    for (const [code, label] of [[actor.country, actor.name.split(" (")[0]], [actor.code, actor.name]]) {
      if (!code || seen.has(code)) continue;
      seen.add(code);
      const option = document.createElement("option");
      option.value = code;
      option.label = label;
      options.push(option);
    }
  }
  $("actor-list").replaceChildren(...options);
}

$("filters").addEventListener("submit", (event) => {
  event.preventDefault();
  state = readForm();
  run(["timeline", "network", "list"]);
});
for (const id of ["top", "min_events"]) {
  $(id).addEventListener("change", () => {
    state = { ...state, [id]: $(id).value };
    run(["network"]);
  });
}
for (const radio of document.querySelectorAll('input[name="count"]')) {
  radio.addEventListener("change", () => {
    state = { ...state, count: radio.value, offset: "" };
    run(["timeline", "network", "list"]);
  });
}
$("find").addEventListener("change", find);
$("clear").addEventListener("click", () => {
  highlight($("network"), null);
  state = { ...state, period_from: "", period_to: "", node: "", edge: "", offset: "" };
  run(["timeline", "network", "list"]);
});
$("previous").addEventListener("click", () => page(-1));
$("next").addEventListener("click", () => page(1));
window.addEventListener("popstate", () => {
  state = State.read();
  fillForm();
  run(["timeline", "network", "list"], false);
});

fillChoices();
fillForm();
run(["timeline", "network", "list", "actors"], false);  // the first view also brings the actor suggestions
