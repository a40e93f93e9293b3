// The lgsco demo page: paste or drop a decision, see its header, outline,
// entities and findings. Static files only; the parser is the lgsco npm
// package's browser build, copied to ./lgsco/ by bindings-wasm/build.sh.

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null) node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
};

let lgsco = null;

// Entity kinds get a colour each: known kinds in a fixed order, others after.
const KNOWN_KINDS = ['money', 'date', 'legislation', 'cross_reference', 'party', 'deadline', 'remedy', 'organisation'];
const kindClass = (kind) => {
  let i = KNOWN_KINDS.indexOf(kind);
  if (i < 0) i = [...kind].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  return `k${i % 8}`;
};
const kindLabel = (kind) => kind.replace(/_/g, ' ');

function setState(state, message) {
  document.body.dataset.state = state;
  if (message !== undefined) $('status').textContent = message;
}

// ---------------------------------------------------------------------------
// Parsing and errors

function run(text) {
  if (!lgsco) return;
  const t0 = performance.now();
  let decision;
  try {
    decision = lgsco.parse(text);
  } catch (e) {
    showError(e, text);
    return;
  }
  const ms = performance.now() - t0;
  $('error').hidden = true;
  render(decision, text);
  $('result').hidden = false;
  setState('parsed', `Parsed ${text.length.toLocaleString()} characters in ${ms.toFixed(1)} ms.`);
}

function showError(e, text) {
  $('result').hidden = true;
  const box = $('error');
  box.replaceChildren();
  const where = e.line ? ` (line ${e.line}, column ${e.column})` : '';
  let title;
  if (e.code === 'empty') title = 'There is no text to read yet.';
  else if (e.code === 'not_a_decision') title = 'This text does not look like an Ombudsman decision.';
  else if (e.code === 'too_large') title = 'This text is too large to parse.';
  else title = 'The text could not be read.';
  box.append(el('strong', {}, title));
  box.append(el('span', { class: 'error-detail' }, e.message));
  if (e.code === 'not_a_decision') {
    box.append(el('p', {}, 'A decision starts with a title such as “Some Council (22 014 796)”, ' +
      'a “Decision :” line, “The Ombudsman’s final decision:” or headings such as “The complaint”.'));
  }
  box.dataset.code = e.code ?? '';
  box.dataset.line = e.line ?? '';
  box.dataset.column = e.column ?? '';
  box.hidden = false;
  setState('error', text.trim() ? `Not a decision${where}.` : 'Nothing to parse.');
}

// ---------------------------------------------------------------------------
// Rendering

function render(d, text) {
  renderHeader(d);
  const anchors = renderText(d, text);
  renderOutline(d, anchors);
  renderFindings(d);
  renderEntities(d);
  renderDiagnostics(d);
}

function setField(id, value) {
  const node = $(id);
  node.replaceChildren();
  if (value === null || value === undefined || value === '') {
    node.append(el('span', { class: 'missing' }, 'not given'));
  } else {
    node.append(value);
  }
}

function formatDate(iso) {
  if (!iso) return null;
  const [y, m, day] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, day));
  return `${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}`;
}

function renderHeader(d) {
  const h = d.header;
  setField('hc-authority', h.authority ?? 'Unknown authority');
  const ref = h.reference
    ? `${h.reference}${h.reference_id && h.reference_id !== h.reference ? ` (${h.reference_id})` : ''}` : null;
  setField('hc-reference', ref);
  const cat = [h.category.area, h.category.subcategory].filter(Boolean).join(' › ');
  setField('hc-category', cat || null);
  if (h.outcome) {
    const frag = document.createDocumentFragment();
    frag.append(h.outcome);
    if (h.outcome_kind) frag.append(el('span', { class: 'outcome-kind' }, `(${kindLabel(h.outcome_kind)})`));
    setField('hc-outcome', frag);
  } else {
    setField('hc-outcome', null);
  }
  const date = formatDate(h.decision_date);
  setField('hc-date', date);
  if (date) $('hc-date').dataset.iso = h.decision_date;
  setField('hc-layout', kindLabel(d.layout));
}

function allSections(d) {
  const out = [];
  const visit = (s, depth) => {
    out.push({ s, depth });
    s.subsections.forEach((x) => visit(x, depth + 1));
  };
  d.sections.forEach((s) => visit(s, 0));
  return out;
}

// The text, with paragraphs, headings and entities as nested ranges.
function renderText(d, text) {
  const ranges = [];
  let headingId = 0;
  const headingIds = new Map();
  for (const { s } of allSections(d)) {
    if (s.heading) {
      const id = `h-${headingId++}`;
      headingIds.set(s, id);
      ranges.push({ start: s.heading.span.start, end: s.heading.span.end, rank: 0, make: () =>
        el('span', { class: 'heading', id }) });
    }
    for (const b of s.blocks) {
      if (b.type !== 'paragraph') continue;
      const ord = b.ordinal;
      ranges.push({ start: b.span.start, end: b.span.end, rank: 0, make: () => {
        const span = el('span', { class: 'para', dataset: ord === null ? {} : { ordinal: String(ord) } });
        if (ord !== null) span.id = `p-${ord}`;
        return span;
      }, badge: ord === null ? null : `¶${ord}` });
    }
  }
  if (d.summary) {
    ranges.push({ start: d.summary.span.start, end: d.summary.span.end, rank: 0, make: () =>
      el('span', { class: 'para summary', id: 'summary' }) });
  }
  for (const [name, f] of Object.entries(d.findings ?? {})) {
    if (f && f.span && typeof f.text === 'string') {
      ranges.push({ start: f.span.start, end: f.span.end, rank: 0.5, make: () =>
        el('span', { class: 'finding-src', id: `f-${name}`, title: `finding: ${kindLabel(name)}` }) });
    }
  }
  d.entities.forEach((e, i) => {
    ranges.push({ start: e.span.start, end: e.span.end, rank: 1, entity: true, make: () =>
      el('mark', {
        class: `entity ${kindClass(e.kind)}`, id: `e-${i}`, title: entityTitle(e),
        dataset: { kind: e.kind, paragraph: e.paragraph ?? '' },
      }) });
  });
  ranges.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);

  const root = $('text');
  root.replaceChildren();
  const stack = [{ node: root, end: text.length }];
  let pos = 0;
  const emit = (upto) => {
    if (upto > pos) {
      stack[stack.length - 1].node.append(text.slice(pos, upto));
      pos = upto;
    }
  };
  for (const r of ranges) {
    if (r.start < pos || r.end <= r.start) continue;
    while (stack.length > 1 && stack[stack.length - 1].end <= r.start) {
      emit(stack[stack.length - 1].end);
      stack.pop();
    }
    let end = r.end;
    const top = stack[stack.length - 1];
    if (end > top.end) {
      if (r.entity) continue; // crosses a boundary: leave it out rather than mis-nest
      end = top.end;
    }
    emit(r.start);
    if (r.badge) top.node.append(el('span', { class: 'ord-badge', 'aria-hidden': 'true' }, r.badge));
    const node = r.make();
    top.node.append(node);
    stack.push({ node, end });
  }
  while (stack.length > 1) {
    emit(stack[stack.length - 1].end);
    stack.pop();
  }
  emit(text.length);
  return headingIds;
}

function entityTitle(e) {
  const v = e.value;
  let detail = '';
  if (v && typeof v === 'object') {
    detail = Object.entries(v).filter(([, x]) => x !== null && typeof x !== 'object')
      .map(([k, x]) => `${k}: ${x}`).join(', ');
  } else if (v !== null && v !== undefined) {
    detail = String(v);
  }
  return `${kindLabel(e.kind)}${detail ? ` (${detail})` : ''}${e.paragraph ? ` in ¶${e.paragraph}` : ''}`;
}

function jumpTo(id) {
  const target = document.getElementById(id);
  if (!target) return;
  document.querySelectorAll('.target').forEach((n) => n.classList.remove('target'));
  target.classList.add('target');
  target.scrollIntoView({ block: 'center' });
  history.replaceState(null, '', `#${id}`);
}

function renderOutline(d, headingIds) {
  const list = $('outline-list');
  list.replaceChildren();
  if (d.summary) {
    list.append(el('li', { class: 'outline-entry' },
      el('button', { class: 'outline-heading', type: 'button', onclick: () => jumpTo('summary') }, 'Summary')));
  }
  const entry = (s) => {
    const heading = s.heading ? s.heading.text : '(untitled text)';
    const li = el('li', { class: 'outline-entry', dataset: { kind: s.kind } });
    const id = headingIds.get(s);
    li.append(el('button', {
      class: 'outline-heading', type: 'button', title: kindLabel(s.kind),
      onclick: () => (id ? jumpTo(id) : null),
    }, heading));
    const ords = s.blocks.filter((b) => b.type === 'paragraph' && b.ordinal !== null).map((b) => b.ordinal);
    if (ords.length) {
      const row = el('div', { class: 'ordinals', 'aria-label': `Paragraphs of ${heading}` });
      for (const o of ords) {
        row.append(el('button', {
          class: 'ordinal', type: 'button', dataset: { ordinal: String(o) },
          title: `Go to paragraph ${o}`, onclick: () => jumpTo(`p-${o}`),
        }, String(o)));
      }
      li.append(row);
    }
    if (s.subsections.length) li.append(el('ol', {}, ...s.subsections.map(entry)));
    return li;
  };
  d.sections.forEach((s) => list.append(entry(s)));
}

function formatValue(v) {
  if (v === null || v === undefined) return el('span', { class: 'empty' }, '—');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return el('span', { class: 'empty' }, 'none');
    return el('ul', {}, ...v.map((x) => el('li', {}, formatValue(x))));
  }
  if (v.span && typeof v.text === 'string' && Object.keys(v).length <= 3) {
    return el('span', {}, v.text);
  }
  const dl = el('dl');
  for (const [k, x] of Object.entries(v)) {
    if (k === 'span') continue;
    dl.append(el('dt', {}, kindLabel(k)), el('dd', {}, formatValue(x)));
  }
  return dl;
}

const ANSWER_LABELS = { yes: 'Yes', no: 'No', unknown: 'Not stated' };

function formatPence(pence, currency) {
  if (pence === null || pence === undefined) return null;
  const symbol = !currency || currency === 'GBP' ? '£' : `${currency} `;
  const pounds = pence / 100;
  return `${symbol}${pounds.toLocaleString('en-GB', { minimumFractionDigits: pence % 100 ? 2 : 0 })}`;
}

// A finding (`{value: yes|no|unknown, text, span, ...}`), as a line with its source sentence.
function findingItem(name, f) {
  const item = el('div', { class: 'finding', dataset: { finding: name, value: String(f.value) } });
  item.append(el('dt', {}, kindLabel(name)));
  const dd = el('dd', {}, el('span', { class: `answer answer-${f.value}` }, ANSWER_LABELS[f.value] ?? String(f.value)));
  for (const [k, v] of Object.entries(f)) {
    if (['value', 'text', 'span', 'source'].includes(k) || v === null) continue;
    dd.append(el('span', { class: 'finding-extra' }, ` (${kindLabel(k)}: ${typeof v === 'object' ? JSON.stringify(v) : kindLabel(String(v))})`));
  }
  if (f.text) {
    const quote = el('blockquote', { title: f.source ? `read from: ${kindLabel(f.source)}` : null }, f.text);
    if (f.span) {
      quote.classList.add('jump');
      quote.addEventListener('click', () => jumpTo(`f-${name}`));
    }
    dd.append(quote);
  }
  item.append(dd);
  return item;
}

function renderFindings(d) {
  const body = $('findings-body');
  body.replaceChildren();
  const f = d.findings;
  if (!f || (typeof f === 'object' && Object.keys(f).length === 0)) {
    body.append(el('p', { class: 'empty' }, 'No findings extracted from this text.'));
    return;
  }
  const dl = el('dl');
  for (const [name, v] of Object.entries(f)) {
    if (v && typeof v === 'object' && 'value' in v && ['yes', 'no', 'unknown'].includes(v.value)) {
      dl.append(findingItem(name, v));
    } else if (v && typeof v === 'object' && 'pence' in v) {
      const amount = formatPence(v.pence, v.currency);
      dl.append(el('div', { class: 'finding', dataset: { finding: name } }, el('dt', {}, kindLabel(name)),
        el('dd', {}, amount ?? el('span', { class: 'empty' }, 'none found'))));
    } else {
      dl.append(el('div', { class: 'finding' }, el('dt', {}, kindLabel(name)), el('dd', {}, formatValue(v))));
    }
  }
  body.append(dl);
}

function renderEntities(d) {
  const body = $('entities-body');
  body.replaceChildren();
  const legend = $('legend');
  legend.replaceChildren();
  if (d.entities.length === 0) {
    body.append(el('p', { class: 'empty' }, 'No entities found.'));
    return;
  }
  const byKind = new Map();
  d.entities.forEach((e, i) => {
    if (!byKind.has(e.kind)) byKind.set(e.kind, []);
    byKind.get(e.kind).push([e, i]);
  });
  for (const [kind, list] of byKind) {
    legend.append(el('span', { class: `entity ${kindClass(kind)}`, dataset: { kind } }, `${kindLabel(kind)} ${list.length}`));
    body.append(el('div', { class: 'kind' }, `${kindLabel(kind)} (${list.length})`));
    body.append(el('ul', {}, ...list.slice(0, 40).map(([e, i]) => el('li', {},
      el('button', { type: 'button', title: entityTitle(e), onclick: () => jumpTo(`e-${i}`) }, e.text)))));
    if (list.length > 40) body.append(el('p', { class: 'empty' }, `and ${list.length - 40} more`));
  }
}

function renderDiagnostics(d) {
  const list = $('diagnostics-list');
  list.replaceChildren();
  if (d.diagnostics.length === 0) {
    list.append(el('li', { class: 'empty' }, 'None.'));
    return;
  }
  for (const g of d.diagnostics) {
    list.append(el('li', { class: `sev-${g.severity}`, dataset: { code: g.code } }, `${g.message} (line ${g.span.line})`));
  }
}

// ---------------------------------------------------------------------------
// Input: paste, typing, a file picked or dropped

const SAMPLE = `Examplehampton Borough Council (21 000 001)

Category : Housing > Allocations
Decision : Upheld
Decision date : 03 Mar 2022

The Ombudsman's final decision:

Summary: Mr B complained the Council delayed assessing his housing application. The Council was at fault and has agreed to pay Mr B £150 and review its procedures. (This is a made-up sample.)

The complaint

  1. Mr B complains the Council took eight months to assess his housing application.

  2. He says this caused him distress.

Back to top

What I found

  3. The Council’s allocations scheme says it will assess applications within 12 weeks.

  4. The Council took from June 2021 to February 2022. That was fault.

Back to top

Agreed action

  5. Within one month of the final decision the Council will:
    • apologise to Mr B; and
    • pay him £150 for his distress.

Back to top

Final decision

  6. I have completed my investigation. The Council was at fault.

Investigator's decision on behalf of the Ombudsman
`;

function readFile(file) {
  if (!file) return;
  file.text().then((t) => {
    $('input').value = t;
    run(t);
  });
}

function wire() {
  const input = $('input');
  let timer = null;
  // A paste fires both `paste` and `input`: parse the same text once, so a
  // late second render does not undo what the reader clicked meanwhile.
  let parsed = null;
  const parseIfNew = () => {
    if (input.value === parsed) return;
    parsed = input.value;
    run(parsed);
  };
  input.addEventListener('paste', () => setTimeout(parseIfNew, 0));
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(parseIfNew, 350);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run(input.value);
  });
  $('parse-btn').addEventListener('click', () => run(input.value));
  $('sample-btn').addEventListener('click', () => {
    input.value = SAMPLE;
    run(SAMPLE);
  });
  $('clear-btn').addEventListener('click', () => {
    input.value = '';
    $('result').hidden = true;
    $('error').hidden = true;
    setState('ready', 'Ready.');
  });
  $('file').addEventListener('change', (e) => readFile(e.target.files[0]));

  const overlay = $('drop-overlay');
  let depth = 0;
  window.addEventListener('dragenter', (e) => {
    e.preventDefault();
    depth += 1;
    overlay.hidden = false;
  });
  window.addEventListener('dragleave', () => {
    depth -= 1;
    if (depth <= 0) overlay.hidden = true;
  });
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const file = e.dataTransfer.files[0];
    if (file) readFile(file);
    else {
      const t = e.dataTransfer.getData('text/plain');
      if (t) {
        input.value = t;
        run(t);
      }
    }
  });
}

async function main() {
  wire();
  try {
    const mod = await import('./lgsco/web.js');
    lgsco = await mod.default();
    $('version').textContent = lgsco.version();
  } catch (e) {
    $('error').replaceChildren(el('strong', {}, 'The parser could not be loaded.'),
      el('span', {}, `Build it with bindings-wasm/build.sh and serve this folder over HTTP. (${e.message})`));
    $('error').hidden = false;
    setState('broken', 'Parser not loaded.');
    return;
  }
  setState('ready', 'Ready: paste a decision.');
  if ($('input').value.trim()) run($('input').value);
}

main();
