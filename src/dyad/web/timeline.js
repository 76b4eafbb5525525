// The timeline: events per quad class as stacked bars on a continuous date axis (every period, empty ones too),
// the mean Goldstein score as a line on its own axis, and a range slider below the chart as the brush.
"use strict";

const QUADS = [
  ["verbal_cooperation", "verbal cooperation", "#4c9a5f"], ["material_cooperation", "material cooperation", "#1f6f8b"],
  ["verbal_conflict", "verbal conflict", "#e0a030"], ["material_conflict", "material conflict", "#c0392b"],
];
const DAY = 86400000;
const PERIOD = { day: DAY, week: 7 * DAY, month: "M1", quarter: "M3", year: "M12" };
const DAYS = { day: 1, week: 7, month: 30.44, quarter: 91.31, year: 365.25 };

export function periodEnd(start, bin) {
  const day = new Date(start + "T00:00:00Z");
  if (bin === "day") return start;
  if (bin === "week") day.setUTCDate(day.getUTCDate() + 6);
  else { day.setUTCMonth(day.getUTCMonth() + { month: 1, quarter: 3, year: 12 }[bin]); day.setUTCDate(0); }
  return day.toISOString().slice(0, 10);
}

export function shift(start, bin, count) {
  const day = new Date(start + "T00:00:00Z");
  if (bin === "day" || bin === "week") day.setUTCDate(day.getUTCDate() + count * (bin === "day" ? 1 : 7));
  else day.setUTCMonth(day.getUTCMonth() + count * { month: 1, quarter: 3, year: 12 }[bin]);
  return day.toISOString().slice(0, 10);
}

function fullRange(x, bin) {
  // at least 12 bins wide, so that one period is a bar and not a whole chart
  if (!x.length) return undefined;
  const pad = Math.max(0, Math.ceil((12 - x.length) / 2));
  return [shift(x[0], bin, -pad), shift(x[x.length - 1], bin, pad + 1)];
}

export function selectionShape(from, to) {
  if (!from && !to) return [];
  return [{ type: "rect", xref: "x", yref: "paper", x0: from || "1900-01-01", x1: `${to || "2100-01-01"}T23:59:59`,
    y0: 0, y1: 1, fillcolor: "rgba(29,36,51,0.08)", line: { width: 0 }, layer: "below" }];
}

export function drawTimeline(element, timeline, state, handlers) {
  const periods = timeline.periods, x = periods.map((p) => p.period), bin = timeline.bin;
  const counting = timeline.counting;
  const bars = QUADS.map(([key, name, color]) => ({
    type: "bar", name, x, y: periods.map((p) => p[key]), marker: { color }, width: 0.85 * DAYS[bin] * DAY,
    xperiod: PERIOD[bin], xperiod0: bin === "week" ? "2000-01-03" : undefined, xperiodalignment: "middle",
    hovertemplate: `%{y} ${counting} · ${name}<extra>%{x|%Y-%m-%d}</extra>`,
  }));
  const line = {
    type: "scatter", mode: "lines+markers", name: "mean Goldstein", x, yaxis: "y2",
    y: periods.map((p) => p.goldstein_mean), connectgaps: false, line: { color: "#1d2433", width: 2 },
    marker: { size: 4 }, xperiod: PERIOD[bin], xperiod0: bin === "week" ? "2000-01-03" : undefined,
    xperiodalignment: "middle", hovertemplate: "Goldstein %{y}<extra>%{x|%Y-%m-%d}</extra>",
  };
  const from = state.period_from, to = state.period_to;
  const zoomed = from && to && (to > periodEnd(from, bin));
  const layout = {
    barmode: "stack", bargap: 0.15, height: 300, margin: { l: 48, r: 48, t: 8, b: 24 },
    legend: { orientation: "h", y: 1.12, x: 0 }, hovermode: "closest", dragmode: "zoom",
    xaxis: { type: "date", rangeslider: { visible: true, thickness: 0.12, range: fullRange(x, bin) },
      range: zoomed ? [from, `${to}T23:59:59`] : fullRange(x, bin), autorange: false },
    yaxis: { title: { text: counting }, fixedrange: true, rangemode: "tozero" },
    yaxis2: { title: { text: "Goldstein" }, overlaying: "y", side: "right", range: [-10, 10], fixedrange: true,
      tickmode: "array", tickvals: [-10, -5, 0, 5, 10],
      zeroline: false, showgrid: false },
    shapes: selectionShape(from, to),
    annotations: periods.length ? [] : [{ text: "No events for these filters.", showarrow: false, xref: "paper",
      yref: "paper", x: 0.5, y: 0.5 }],
  };
  const config = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["select2d", "lasso2d"] };
  element.fullRange = fullRange(x, bin);
  Plotly.react(element, [...bars, line], layout, config).then(() => bind(element, bin, handlers));
}

function bind(element, bin, handlers) {
  if (element.dataset.bound) { element.handlers = handlers; return; }
  element.dataset.bound = "1";
  element.handlers = handlers;
  element.on("plotly_click", (event) => {
    const point = event.points[0];
    if (!point) return;
    const start = point.data.x[point.pointIndex];
    element.handlers.period(start, periodEnd(start, element.handlers.bin()));
  });
  element.on("plotly_doubleclick", () => { element.resetting = true; });
  element.on("plotly_relayout", (change) => {
    if (element.resetting) {  // a double-click: everything, whatever range the chart was first drawn with
      element.resetting = false;
      element.handlers.period(null, null);
      Plotly.relayout(element, { "xaxis.range": element.fullRange });
      return;
    }
    if (change["xaxis.autorange"]) { element.handlers.period(null, null); return; }
    const range = change["xaxis.range"] || (change["xaxis.range[0]"] && [change["xaxis.range[0]"], change["xaxis.range[1]"]]);
    if (!range) return;
    const day = (value) => String(value).slice(0, 10);
    const whole = element.fullRange || [];  // a double-click goes back to the whole range: no selection
    if (day(range[0]) === day(whole[0] || "") && day(range[1]) === day(whole[1] || "")) element.handlers.period(null, null);
    else element.handlers.period(day(range[0]), day(range[1]));
  });
}
