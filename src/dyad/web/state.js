// The dashboard's state is its URL: every filter, the bin, the selection and the page are query parameters with
// the names /dashboard/view takes, so a link shows the same view and the API request is the URL's own query.
"use strict";

export const FILTERS = ["a", "b", "directed", "since", "until", "bin", "root", "plover", "language",
  "include_uncertain", "count", "top", "min_events"];
export const SELECTION = ["period_from", "period_to", "node", "edge", "offset"];
const DEFAULTS = { bin: "month", count: "events", top: "60", min_events: "1", offset: "0" };
export const PAGE = 20;

export function read() {
  const query = new URLSearchParams(location.search), state = {};
  for (const key of [...FILTERS, ...SELECTION]) {
    const value = query.get(key);
    if (value !== null && value !== "") state[key] = value;
  }
  return state;
}

export function value(state, key) {
  return state[key] ?? DEFAULTS[key] ?? "";
}

export function query(state, extra = {}) {
  const out = new URLSearchParams();
  for (const [key, val] of Object.entries({ ...state, ...extra })) {
    if (val === undefined || val === null || val === "" || val === false || val === "false") continue;
    if (DEFAULTS[key] === String(val) && !(key in extra)) continue;
    out.set(key, val);
  }
  return out.toString();
}

export function write(state, push = true) {
  const search = query(state);
  const url = search ? `${location.pathname}?${search}` : location.pathname;
  if (url === location.pathname + location.search) return;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

export async function fetchView(state, parts) {
  const response = await fetch(`/dashboard/view?${query(state, { parts: parts.join(","), limit: PAGE })}`);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

export function downloadLink(state, format) {
  return `/dashboard/download?${query(state, { format })}`;
}
