// The list: one row per event (its first mention's evidence, with how many mentions, articles and sources report
// it) or per mention, the evidence sentence with source, target and trigger highlighted, a link to each source.
"use strict";

export function highlighted(event) {
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

function span(className, text) {
  const element = document.createElement("span");
  element.className = className;
  element.textContent = text;
  return element;
}

function sources(event) {
  const line = document.createElement("div");
  line.className = "sources";
  for (const article of event.articles) {
    const link = document.createElement(article.url ? "a" : "span");  // only http(s) links come from the API
    if (article.url) { link.href = article.url; link.target = "_blank"; link.rel = "noopener noreferrer"; }
    link.textContent = article.title || article.doc_id;
    const where = [article.source, article.published].filter(Boolean).join(", ");
    const item = span("source-item", "");
    item.append(link);
    if (where) item.append(` (${where})`);
    line.append(item);
  }
  const more = event.group.articles - event.articles.length;
  if (more > 0) line.append(span("more", `and ${more} more`));
  return line;
}

function row(event, counting) {
  const item = document.createElement("li");
  item.className = "event";
  item.dataset.group = event.group_id;
  const head = document.createElement("div");
  head.className = "event-head";
  head.append(span("date", event.date || "undated"), " · ",
    span("code", `${event.source.code} → ${event.target ? event.target.code : "—"}`), " ",
    span("name", `${event.cameo} ${event.cameo_name} (Goldstein ${event.goldstein})`));
  for (const flag of ["negated", "hypothetical"]) if (event[flag]) head.append(span("flag", flag));
  const group = event.group;
  const counts = counting === "events"
    ? `${group.mentions} mention${group.mentions === 1 ? "" : "s"} · ${group.articles} article${group.articles === 1 ? "" : "s"} · ${group.sources} source${group.sources === 1 ? "" : "s"}`
    : `mention of event ${event.group_id} (${group.mentions} mention${group.mentions === 1 ? "" : "s"})`;
  head.append(span("counts", counts));
  const evidence = document.createElement("p");
  evidence.className = "evidence";
  evidence.append(highlighted(event));
  const meta = span("meta", `${event.language} · confidence ${event.confidence}` +
    (event.attributed_to ? ` · according to ${event.attributed_to.text}` : ""));
  item.append(head, evidence, meta, sources(event));
  return item;
}

export function drawList(element, page) {
  element.replaceChildren(...page.items.map((event) => row(event, page.counting)));
  if (!page.items.length) {
    const empty = document.createElement("li");
    empty.className = "empty";
    empty.textContent = `No ${page.counting} for this selection.`;
    element.append(empty);
  }
}
