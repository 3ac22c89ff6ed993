'use strict';
// Writes the extracted model as Rust: one string blob with offsets (every distinct string
// stored once) and small integer tables; identical per-language tables are stored once.
// The types are declared in core/src/locale/tables.rs.

const { COMBOS } = require('./spec');

/** Rust string literal body: escapes quotes, backslashes and invisible characters. */
function rustEscape(s) {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0);
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (/[\p{Cc}\p{Cf}\p{Z}]/u.test(ch) && ch !== ' ') out += `\\u{${cp.toString(16)}}`;
    else out += ch;
  }
  return out;
}

class Interner {
  constructor() {
    this.ids = new Map([['', 0]]);
    this.list = [''];
  }
  id(s) {
    if (!this.ids.has(s)) {
      this.ids.set(s, this.list.length);
      this.list.push(s);
    }
    return this.ids.get(s);
  }
}

class Dedup {
  constructor() {
    this.ids = new Map();
    this.rows = [];
  }
  id(row) {
    const key = JSON.stringify(row);
    if (!this.ids.has(key)) {
      this.ids.set(key, this.rows.length);
      this.rows.push(row);
    }
    return this.ids.get(key);
  }
}

const SEP = '\u001f';

function emit({ header, codes, currencyList, fractionDigits, numbers, dates }) {
  const strings = new Interner();
  const s = (x) => strings.id(x);
  const currencyIndex = new Map(currencyList.map((c, i) => [c, i]));
  if (currencyList.length > 255) throw new Error('too many currencies for u8 indices');

  // Symbols: per language the currencies whose symbol is not the ISO code, sorted by
  // currency index; identical lists stored once in one flat table.
  const symbolRows = [];
  const symbolLists = new Map();
  const numberRows = new Dedup();
  const dateRows = new Dedup();
  const patternRows = new Dedup();
  const locales = [];
  for (const code of codes) {
    const n = numbers[code];
    const entries = currencyList
      .filter((c) => n.symbols[c].symbol !== c || !n.symbols[c].spaceAfter || !n.symbols[c].spaceBefore)
      .map((c) => {
        const e = n.symbols[c];
        return [currencyIndex.get(c), (e.spaceAfter ? 1 : 0) | (e.spaceBefore ? 2 : 0), s(e.symbol)];
      });
    const key = JSON.stringify(entries);
    if (!symbolLists.has(key)) {
      symbolLists.set(key, [symbolRows.length, entries.length]);
      symbolRows.push(...entries);
    }
    const [symStart, symLen] = symbolLists.get(key);
    const numberId = numberRows.id([
      s(n.digits.join('')), s(n.decimal), s(n.group), n.primary, n.secondary, n.minGrouping,
      s(n.posPrefix), s(n.posSuffix), s(n.negPrefix), s(n.negSuffix), symStart, symLen,
    ]);
    const d = dates[code];
    const patternIds = d.patterns.map((p) => patternRows.id([
      s(p.pattern), s(p.months.join(SEP)), s(p.weekdays.join(SEP)), s(p.periods.join(SEP)),
    ]));
    const dateId = dateRows.id([s(d.digits.join('')), patternIds]);
    if (n.locale !== d.locale) throw new Error(`${code}: number locale ${n.locale} vs date ${d.locale}`);
    locales.push({ code, intl: n.locale, numberId, dateId });
  }
  if (numberRows.rows.length > 255 || dateRows.rows.length > 255) throw new Error('u8 overflow');

  let blob = '';
  const offsets = [];
  for (const x of strings.list) {
    offsets.push(Buffer.byteLength(blob, 'utf8'));
    blob += x;
  }
  offsets.push(Buffer.byteLength(blob, 'utf8'));
  const offsetType = offsets.at(-1) <= 0xffff ? 'u16' : 'u32';

  const out = [];
  const w = (line = '') => out.push(line);
  w(`// ${header}`);
  w('//');
  w('// Languages (Meta code → the locale Intl resolves):');
  for (let i = 0; i < locales.length; i += 10) {
    w('//   ' + locales.slice(i, i + 10).map((l) => `${l.code}→${l.intl}`).join(' '));
  }
  w('//');
  w('// Date/time field combinations, in `Combo` order: ' + COMBOS.map(([n]) => n).join(', '));
  w();
  w('use super::tables::{Locale, Numbers, Symbol};');
  w();
  w(`/// Type of [\`OFFSETS\`] (the smallest that fits the blob).`);
  w(`pub(super) type Offset = ${offsetType};`);
  w();
  w('/// Supported currencies (ISO 4217, sorted) with their minor digits as Intl uses them.');
  w(`pub(super) static CURRENCIES: [([u8; 3], u8); ${currencyList.length}] = [`);
  for (const c of currencyList) w(`    (*b"${c}", ${fractionDigits[c]}),`);
  w('];');
  w();
  w('/// Every language, sorted by Meta code.');
  w(`pub(super) static LOCALES: [Locale; ${locales.length}] = [`);
  for (const l of [...locales].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))) {
    w(`    Locale { code: "${l.code}", intl: "${l.intl}", numbers: ${l.numberId}, dates: ${l.dateId} },`);
  }
  w('];');
  w();
  w('/// Number formats: digits, decimal, group, primary, secondary, min grouping,');
  w('/// positive prefix/suffix, negative prefix/suffix (string ids), symbols start, count.');
  w(`pub(super) static NUMBERS: [Numbers; ${numberRows.rows.length}] = [`);
  for (const r of numberRows.rows) w(`    Numbers(${r.join(', ')}),`);
  w('];');
  w();
  w('/// Currency symbols other than the ISO code: currency index, spacing flags, string id.');
  w(`pub(super) static SYMBOLS: [Symbol; ${symbolRows.length}] = [`);
  for (let i = 0; i < symbolRows.length; i += 8) {
    w('    ' + symbolRows.slice(i, i + 8).map((r) => `Symbol(${r.join(', ')})`).join(', ') + ',');
  }
  w('];');
  w();
  w('/// Date formats: digits (string id) and one pattern id per `Combo`.');
  w(`pub(super) static DATES: [(u16, [u16; ${COMBOS.length}]); ${dateRows.rows.length}] = [`);
  for (const [digits, ps] of dateRows.rows) w(`    (${digits}, [${ps.join(', ')}]),`);
  w('];');
  w();
  w('/// Date patterns: pattern, month names, weekday names, day periods (string ids).');
  w(`pub(super) static PATTERNS: [[u16; 4]; ${patternRows.rows.length}] = [`);
  for (let i = 0; i < patternRows.rows.length; i += 6) {
    w('    ' + patternRows.rows.slice(i, i + 6).map((r) => `[${r.join(', ')}]`).join(', ') + ',');
  }
  w('];');
  w();
  w('/// Start offset of every string in [`STRINGS`], plus the end.');
  w(`pub(super) static OFFSETS: [Offset; ${offsets.length}] = [`);
  for (let i = 0; i < offsets.length; i += 12) w('    ' + offsets.slice(i, i + 12).join(', ') + ',');
  w('];');
  w();
  w('/// All strings, concatenated (one per line, id in the comment).');
  w('pub(super) static STRINGS: &str = concat!(');
  strings.list.forEach((x, i) => {
    if (i > 0) w(`    "${rustEscape(x)}", // ${i}`);
  });
  w(');');
  const stats = {
    strings: strings.list.length, blobBytes: offsets.at(-1), numbers: numberRows.rows.length,
    symbols: symbolRows.length, dates: dateRows.rows.length, patterns: patternRows.rows.length,
    // Static bytes in a wasm32 build: blob + offsets + tables (struct layouts of tables.rs).
    staticBytes: offsets.at(-1) + offsets.length * (offsetType === 'u16' ? 2 : 4) +
      currencyList.length * 4 + locales.length * 20 + numberRows.rows.length * 20 +
      symbolRows.length * 4 + dateRows.rows.length * 2 * (1 + COMBOS.length) + patternRows.rows.length * 8,
  };
  return { text: out.join('\n') + '\n', stats };
}

module.exports = { emit, SEP };
