// The wamsg playground: edit a template definition and a send payload (or free text), see
// the recipient's preview, every diagnostic highlighted where it is, and live length counters.
// Plain ES modules, no framework: the package is loaded as a browser would load it from a CDN.
// Everything is recomputed on every keystroke; the WebAssembly engine is fast enough for that.

import * as wamsg from '../dist/browser.js';

const { formatToHtml } = wamsg;

const SAMPLE_DEFINITION = {
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['A-42'] } },
    {
      type: 'BODY',
      text: 'Hello *{{1}}* 👋, your order _{{2}}_ ships on {{3}}. The total of {{4}} was paid by card.\nThank you for shopping with us!',
      example: { body_text: [['Ana', 'A-42', 'May 2', '$10']] },
    },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'URL', text: 'Track order', url: 'https://example.com/track/{{1}}', example: ['A-42'] },
        { type: 'QUICK_REPLY', text: 'Talk to us' },
      ],
    },
  ],
};

const SAMPLE_PAYLOAD = {
  messaging_product: 'whatsapp',
  to: '15551234567',
  type: 'template',
  template: {
    name: 'order_update',
    language: { code: 'en_US' },
    components: [
      { type: 'header', parameters: [{ type: 'text', text: 'A-42' }] },
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'Ana' },
          { type: 'text', text: 'A-42' },
          { type: 'text', text: 'May 2' },
          { type: 'currency', currency: { fallback_value: '$10.00', code: 'USD', amount_1000: 10000 } },
        ],
      },
      { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'A-42' }] },
    ],
  },
};

const SAMPLE_TEXT = 'Hi *Ana* 👋\nYour order _A-42_ is ~delayed~ on its way:\n* packed\n* shipped\n> Questions? Reply here.\nCode: `A42`';

const $ = (sel) => document.querySelector(sel);
const limits = wamsg.limits();

// --- editors with highlighting ---------------------------------------------------------

function editor(id) {
  const ta = document.getElementById(id);
  const pre = ta.parentElement.querySelector('.highlight');
  const sync = () => {
    pre.scrollTop = ta.scrollTop;
    pre.scrollLeft = ta.scrollLeft;
  };
  ta.addEventListener('scroll', sync);
  ta.addEventListener('input', update);
  return { id, ta, pre, label: document.querySelector(`label[for="${id}"]`).firstChild.textContent.trim(), sync };
}

const editors = {
  definition: editor('definition'),
  payload: editor('payload'),
  text: editor('text'),
};
editors.definition.ta.value = JSON.stringify(SAMPLE_DEFINITION, null, 2);
editors.payload.ta.value = JSON.stringify(SAMPLE_PAYLOAD, null, 2);
editors.text.ta.value = SAMPLE_TEXT;

// Draws the editor's text behind the transparent textarea, with each diagnostic's span (UTF-16
// offsets: exactly JavaScript string indices) wrapped in a <mark>. Overlapping spans: the
// first (errors sort before warnings at the same place) wins; an empty span marks one char.
function highlight(ed, diagnostics) {
  const text = ed.ta.value;
  const spans = diagnostics
    .map((d) => {
      let [start, end] = d.span;
      start = Math.min(start, text.length);
      end = Math.min(Math.max(end, start), text.length);
      if (end === start) end = Math.min(start + 1, text.length);
      return { start, end, d };
    })
    .sort((a, b) => a.start - b.start || (a.d.severity === 'error' ? -1 : 1));
  const out = document.createDocumentFragment();
  let at = 0;
  for (const { start, end, d } of spans) {
    if (start < at) continue;
    out.append(text.slice(at, start));
    const mark = document.createElement('mark');
    mark.className = d.severity;
    mark.dataset.code = d.code;
    mark.title = `${d.code}: ${d.message}`;
    // An empty span at the very end still gets a visible marker.
    mark.textContent = end > start ? text.slice(start, end) : ' ';
    out.append(mark);
    at = Math.max(end, start);
  }
  out.append(`${text.slice(at)}\n`);
  ed.pre.replaceChildren(out);
  ed.sync();
}

// --- diagnostics list ------------------------------------------------------------------

function listDiagnostics(items) {
  const ul = $('#diagnostics');
  ul.replaceChildren(
    ...items.map(({ ed, d }) => {
      const li = document.createElement('li');
      li.className = d.severity;
      li.dataset.code = d.code;
      const where = ed ? `${ed.label} ${d.line}:${d.column}` : '';
      li.innerHTML =
        `<span class="sev">${d.severity}</span> <code class="code"></code> <span class="where"></span>` +
        ` <span class="path"></span><div class="msg"></div>`;
      li.querySelector('.code').textContent = d.code;
      li.querySelector('.where').textContent = where;
      li.querySelector('.path').textContent = d.path || '(document)';
      li.querySelector('.msg').textContent = d.message + (d.metaError ? ` — Meta error ${d.metaError}` : '');
      if (ed) {
        li.tabIndex = 0;
        const go = () => {
          ed.ta.focus();
          ed.ta.setSelectionRange(d.span[0], Math.max(d.span[1], d.span[0]));
        };
        li.addEventListener('click', go);
        li.addEventListener('keydown', (e) => e.key === 'Enter' && go());
      }
      return li;
    }),
  );
  const errors = items.filter((i) => i.d.severity === 'error').length;
  $('#diagnostic-count').textContent = `(${errors} error${errors === 1 ? '' : 's'}, ${items.length - errors} warning${items.length - errors === 1 ? '' : 's'})`;
}

// --- preview ---------------------------------------------------------------------------

const BUTTON_ICONS = { url: '↗', phone_number: '✆', quick_reply: '↩', copy_code: '⧉', otp: '⧉', flow: '▤', catalog: '🛍' };
const MEDIA_ICONS = { image: '🖼', video: '🎬', gif: '🎞', document: '📄', audio: '🎵', sticker: '🙂' };

function renderPreview(preview) {
  const header = $('#preview .wa-header');
  const body = $('#preview .wa-body');
  const footer = $('#preview .wa-footer');
  const buttons = $('#preview .wa-buttons');
  header.replaceChildren();
  header.className = 'wa-header';
  const h = preview?.header;
  if (h && typeof h.text === 'string') {
    header.textContent = h.text;
  } else if (h?.media) {
    header.classList.add('media');
    header.textContent = `${MEDIA_ICONS[h.media] ?? '📎'} ${h.filename ?? h.media}`;
  } else if (h?.location) {
    header.classList.add('media');
    header.textContent = `📍 ${[h.location.name, h.location.address].filter(Boolean).join(', ') || 'Location'}`;
  } else if (h?.product) {
    header.classList.add('media');
    header.textContent = `🛍 ${h.product.product_retailer_id ?? 'Product'}`;
  }
  // formatToHtml escapes the text: its output is safe to insert.
  body.innerHTML = preview?.body ? formatToHtml(preview.body.text) : '';
  footer.textContent = preview?.footer?.text ?? '';
  const rows = (preview?.buttons ?? []).map((b) => {
    const li = document.createElement('li');
    li.className = `wa-button ${b.kind}`;
    li.textContent = `${BUTTON_ICONS[b.kind] ?? '•'} ${b.text}`;
    if (b.url) li.title = b.url;
    return li;
  });
  if (preview?.list) {
    const li = document.createElement('li');
    li.className = 'wa-button list';
    li.textContent = `☰ ${preview.list.button}`;
    rows.push(li);
  }
  buttons.replaceChildren(...rows);
}

// --- counters --------------------------------------------------------------------------

function counters(rows) {
  $('#counters tbody').replaceChildren(
    ...rows.map(([name, text, limit]) => {
      const m = wamsg.measure(text);
      const tr = document.createElement('tr');
      tr.dataset.part = name;
      if (limit !== undefined && m.scalars > limit) tr.className = 'over';
      else if (limit !== undefined && m.utf16 > limit) tr.className = 'warn';
      for (const cell of [name, m.scalars, limit ?? '—', m.utf16, m.graphemes]) {
        const td = document.createElement('td');
        td.textContent = String(cell);
        tr.append(td);
      }
      return tr;
    }),
  );
}

function previewCounters(preview, bodyLimit) {
  const rows = [];
  if (typeof preview?.header?.text === 'string') rows.push(['Header', preview.header.text, limits.templateHeaderText]);
  if (preview?.body) rows.push(['Body', preview.body.text, bodyLimit]);
  if (preview?.footer) rows.push(['Footer', preview.footer.text, limits.templateFooter]);
  for (const [i, b] of (preview?.buttons ?? []).entries()) rows.push([`Button ${i + 1}`, b.text, limits.templateButtonText]);
  return rows;
}

// --- the update on every keystroke -----------------------------------------------------

let mode = 'template';
// The last preview that showed something, per mode: while the input does not parse, it stays
// on screen (dimmed) instead of the phone going blank on every half-typed edit.
const lastShown = {};

function attempt(fn, ed, items) {
  try {
    return fn();
  } catch (e) {
    // Bad input the API refuses (e.g. a lone surrogate) is shown like a diagnostic.
    items.push({ ed: null, d: { severity: 'error', code: e.name, path: ed.label, line: 0, column: 0, message: e.message, span: [0, 0] } });
    return undefined;
  }
}

function update() {
  const started = performance.now();
  const items = [];
  let preview;
  if (mode === 'template') {
    const { definition, payload } = editors;
    const report = attempt(() => wamsg.validateTemplate(definition.ta.value), definition, items);
    preview = attempt(() => wamsg.renderMessage(payload.ta.value, { template: definition.ta.value }), payload, items);
    highlight(definition, report?.diagnostics ?? []);
    highlight(payload, preview?.diagnostics ?? []);
    for (const d of report?.diagnostics ?? []) items.push({ ed: definition, d });
    for (const d of preview?.diagnostics ?? []) items.push({ ed: payload, d });
    counters(previewCounters(preview, limits.templateSendBody));
  } else {
    const { text } = editors;
    const body = text.ta.value;
    // The free text as a text message: its diagnostics point into that JSON, so they are
    // listed but not highlighted in the text.
    const message = { messaging_product: 'whatsapp', to: '15551234567', type: 'text', text: { body } };
    preview = attempt(() => wamsg.renderMessage(message), text, items);
    for (const d of preview?.diagnostics ?? []) items.push({ ed: null, d });
    highlight(text, []);
    counters([['Text body', body, limits.textBody]]);
  }
  const fresh = Boolean(preview && (preview.header || preview.body || preview.buttons.length || preview.list));
  if (fresh) lastShown[mode] = { preview, rows: $('#counters tbody').cloneNode(true) };
  const shown = fresh ? preview : lastShown[mode]?.preview;
  if (!fresh && lastShown[mode]) $('#counters tbody').replaceWith(lastShown[mode].rows.cloneNode(true));
  $('#preview').classList.toggle('stale', !fresh && Boolean(shown));
  renderPreview(shown);
  listDiagnostics(items);
  $('#status').textContent = `checked and rendered in ${(performance.now() - started).toFixed(1)} ms`;
}

function setMode(next) {
  mode = next;
  for (const b of document.querySelectorAll('.modes button')) b.setAttribute('aria-pressed', String(b.dataset.mode === mode));
  for (const f of document.querySelectorAll('.field')) f.hidden = f.dataset.mode !== mode;
  update();
}

for (const b of document.querySelectorAll('.modes button')) b.addEventListener('click', () => setMode(b.dataset.mode));
update();
document.body.dataset.ready = 'true';
