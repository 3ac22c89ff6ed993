// The peer records for WhatsApp formatting (tests/cases/format/corpus/), checked the way
// tests/tests/format_corpus.rs checks them, through the package: each record's `direction`
// and `match` say what to compare. The AST's spans are UTF-16 offsets here, so positions
// need no conversion (the Rust test converts its byte spans to UTF-16 for the same records).

const STYLES = { bold: 'bold', italic: 'italic', strike: 'strike' };

// Plain text and the inclusive UTF-16 ranges of bold, italic and strike nodes in it.
function styledRanges(root) {
  let text = '';
  const out = {};
  const walk = (nodes) => {
    for (const n of nodes) {
      switch (n.type) {
        case 'text':
        case 'code':
        case 'mono':
          text += n.value;
          break;
        case 'break':
          text += '\n';
          break;
        case 'bold':
        case 'italic':
        case 'strike': {
          const start = text.length;
          walk(n.children);
          (out[n.type] ??= []).push([start, text.length - 1]);
          break;
        }
        case 'link':
          walk(n.children);
          break;
        case 'quote':
          text += n.marker;
          walk(n.children);
          break;
        case 'bulletList':
          n.items.forEach((item, i) => {
            if (i > 0) text += '\n';
            text += `${item.marker} `;
            walk(item.children);
          });
          break;
        case 'orderedList':
          n.items.forEach((item, i) => {
            if (i > 0) text += '\n';
            text += `${item.number}. `;
            walk(item.children);
          });
          break;
        default:
          throw new Error(`unknown node ${n.type}`);
      }
    }
  };
  walk(root.children);
  return [text, out];
}

// The children of any node, as `Node::children` gives them (inline children only).
const children = (n) => n.children ?? [];

// Inclusive UTF-16 positions of the opening and closing markers of each styled node.
function markerPositions(root) {
  const out = {};
  const walk = (nodes) => {
    for (const n of nodes) {
      if (STYLES[n.type]) (out[n.type] ??= []).push([n.span[0], n.span[1] - 1]);
      walk(children(n));
    }
  };
  walk(root.children);
  return out;
}

const sortPairs = (a) => [...a].sort((x, y) => x[0] - y[0] || x[1] - y[1]);

function checkSpans(w, rec, input) {
  const exp = rec.expected;
  const root = w.parseFormatting(input);
  const [text, ours] =
    rec.match === 'marker_positions_in_input' ? [exp.text ?? '', markerPositions(root)] : styledRanges(root);
  const problems = [];
  if (exp.text !== text) problems.push(`text ${JSON.stringify(text)}`);
  for (const key of ['bold', 'italic', 'strike']) {
    const want = sortPairs(exp[key] ?? []);
    const got = sortPairs(ours[key] ?? []);
    if (JSON.stringify(want) !== JSON.stringify(got)) problems.push(`${key} ${JSON.stringify(got)}`);
  }
  return problems.length ? problems.join(', ') : null;
}

// Our AST as the Markdown a chat app shows: bold `**`, italic `*`, strike `~~`, code kept.
function toMarkdown(nodes) {
  let out = '';
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out += n.value;
        break;
      case 'bold':
        out += `**${toMarkdown(n.children)}**`;
        break;
      case 'italic':
        out += `*${toMarkdown(n.children)}*`;
        break;
      case 'strike':
        out += `~~${toMarkdown(n.children)}~~`;
        break;
      case 'code':
        out += `\`${n.value}\``;
        break;
      case 'mono':
        out += `\`\`\`${n.value}\`\`\``;
        break;
      case 'link':
        out += toMarkdown(n.children);
        break;
      case 'break':
        out += '\n';
        break;
      case 'quote':
        out += n.marker + toMarkdown(n.children);
        break;
      case 'bulletList':
        out += n.items.map((item) => `${item.marker} ${toMarkdown(item.children)}`).join('\n');
        break;
      case 'orderedList':
        out += n.items.map((item) => `${item.number}. ${toMarkdown(item.children)}`).join('\n');
        break;
      default:
        throw new Error(`unknown node ${n.type}`);
    }
  }
  return out;
}

function plain(nodes) {
  return nodes.map((n) => (n.type === 'text' || n.type === 'code' || n.type === 'mono' ? n.value : plain(children(n)))).join('');
}

const MARKS = { bold: 'bold', italic: 'italic', strike: 'strikethrough', code: 'code' };

// [mark, content] of every bold, italic, strike and inline-code node.
function marks(nodes, out = []) {
  for (const n of nodes) {
    if (MARKS[n.type]) out.push([MARKS[n.type], plain([n])]);
    marks(children(n), out);
    if (n.type === 'bulletList' || n.type === 'orderedList') for (const item of n.items) marks(item.children, out);
  }
  return out;
}

function checkRelational(w, rec, input) {
  const root = w.parseFormatting(input);
  const exp = rec.expected;
  const found = marks(root.children);
  const html = () => w.formatToHtml(input);
  let ok;
  switch (rec.match) {
    case 'has_text_segment_with_mark':
      ok = found.some(([m, c]) => exp.mark === m && exp.content === c);
      break;
    case 'has_marks':
      ok = (exp.marks ?? []).every((want) => found.some(([m]) => want === m));
      break;
    case 'has_block':
      ok = root.children.some(
        (n) =>
          (exp.block === 'blockquote' && n.type === 'quote') ||
          (exp.block === 'ul' && n.type === 'bulletList') ||
          (exp.block === 'ol' && n.type === 'orderedList') ||
          (exp.block === 'code-block' && n.type === 'mono' && (typeof exp.contains !== 'string' || n.value.includes(exp.contains))),
      );
      break;
    case 'contains_after_trim':
      ok = html().trim().includes(typeof exp === 'string' ? exp : '\u0000');
      break;
    case 'exact':
      // Serializing the AST gives back the input: the root's span covers exactly the input.
      ok = input.slice(root.span[0], root.span[1]) === exp && root.span[0] === 0 && root.span[1] === input.length;
      break;
    default:
      return `unknown match ${rec.match}`;
  }
  return ok ? null : `marks ${JSON.stringify(found)}, html ${JSON.stringify(html())}`;
}

// What each of WhatsApp Web's block regexes would match, read from our AST, in the probe
// file's shape (`index` in UTF-16 units, `match`, `groups`); keys sorted as serde_json does.
function regexView(w, input) {
  const root = w.parseFormatting(input);
  const out = {};
  const slice = (a, b) => input.slice(a, b);
  const withNewline = (end) => (input[end] === '\n' ? end + 1 : end);
  const add = (key, start, end, groups) => (out[key] ??= []).push({ groups, index: start, match: slice(start, end) });
  const found = [];
  const monos = (nodes) => {
    for (const n of nodes) {
      if (n.type === 'mono') found.push([n.span[0], n.span[1], n.value]);
      monos(children(n));
    }
  };
  monos(root.children);
  for (const n of root.children) {
    if (n.type === 'bulletList' || n.type === 'orderedList') for (const item of n.items) monos(item.children);
    else if (n.type === 'quote') monos(n.children);
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
  for (const [s, e, v] of found) add('code', s, e, [v]);
  for (const n of root.children) {
    if (n.type === 'bulletList') {
      for (const item of n.items) {
        const [s, e] = item.span;
        add(item.marker === '-' ? 'hyphenItem' : 'bulletItem', s, e, [slice(s + item.marker.length, e)]);
      }
      const end = withNewline(n.span[1]);
      add('bulletList', n.span[0], end, [slice(n.span[0], end)]);
    } else if (n.type === 'orderedList') {
      for (const item of n.items) {
        const [s, e] = item.span;
        const digits = item.number.length;
        add('numberedItem', s, e, [slice(s, s + digits + 1), slice(s + digits + 1, e)]);
      }
      const end = withNewline(n.span[1]);
      const first = n.items[0]?.number ?? null;
      const last = n.items.length > 1 ? n.items.at(-1).number : null;
      add('numberedList', n.span[0], end, [slice(n.span[0], end), first, last]);
    } else if (n.type === 'quote') {
      const end = withNewline(n.span[1]);
      const group = slice(n.span[0] + 1, end);
      add('quoteNew', n.span[0], end, [group]);
      if (n.children.length > 0) add('quoteOld', n.span[0], end, [group]);
    }
  }
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
}

function checkProbe(w, rec, input) {
  const ours = regexView(w, input);
  const canon = (v) => JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, x[k]])) : x));
  return canon(ours) === canon(rec.expected) ? null : `ours ${JSON.stringify(ours)}`;
}

function checkMarkdown(w, rec, input) {
  const got = w.markdownToWhatsApp(input);
  const exp = typeof rec.expected === 'string' ? rec.expected : '';
  let ok;
  switch (rec.match) {
    case 'exact':
      ok = got === exp;
      break;
    case 'exact_after_trim_actual':
      ok = got.trim() === exp;
      break;
    case 'exact_after_trim_expected':
      ok = got === exp.trim();
      break;
    case 'contains':
      ok = got.includes(exp);
      break;
    case 'not_contains':
      ok = !got.includes(exp);
      break;
    case 'startswith':
      ok = got.startsWith(exp);
      break;
    case 'endswith':
      ok = got.endsWith(exp);
      break;
    case 'not_matches_regex':
      ok = !new RegExp(exp.replace(/^\/+|\/+$/g, ''), 'u').test(got);
      break;
    case 'idempotent':
      ok = w.markdownToWhatsApp(got) === got;
      break;
    default:
      return `unknown match ${rec.match}`;
  }
  return ok ? null : `got ${JSON.stringify(got)}`;
}

function check(w, rec) {
  const input = typeof rec.input === 'string' ? rec.input : '';
  switch (rec.direction) {
    case 'wa_to_spans':
      return checkSpans(w, rec, input);
    case 'wa_to_md': {
      const md = toMarkdown(w.parseFormatting(input).children);
      return md === rec.expected ? null : `got ${JSON.stringify(md)}`;
    }
    case 'wa_to_ast':
    case 'wa_to_html':
    case 'wa_roundtrip':
      return checkRelational(w, rec, input);
    case 'wa_block_regex_probe':
      return checkProbe(w, rec, input);
    case 'md_to_wa':
      return checkMarkdown(w, rec, input);
    default:
      return `unknown direction ${rec.direction}`;
  }
}

/**
 * Checks every record of one corpus file; returns the unexpected outcomes: a record that
 * fails without being listed in `differences`, or a listed one that passes.
 */
export function formatRecords(w, doc, differences, file) {
  const unexpected = [];
  for (const rec of doc.cases ?? doc) {
    const problem = check(w, rec);
    const listed = Object.hasOwn(differences, rec.id);
    if (problem === null && listed) unexpected.push(`${rec.id} (${file}) is listed as a difference but passes`);
    if (problem !== null && !listed) unexpected.push(`${rec.id} (${file}): input ${JSON.stringify(rec.input)}, expected ${JSON.stringify(rec.expected)}: ${problem}`);
  }
  return unexpected;
}
