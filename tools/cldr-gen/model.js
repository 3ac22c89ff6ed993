'use strict';
// Reads each language's formatting rules out of Node's Intl (ICU + CLDR) into the small model
// the Rust side interprets, and checks the model reproduces Intl before anything is written:
// a change of ICU behaviour the model cannot express stops the generator here instead of
// producing data that is subtly wrong.

const { bcp47, COMBOS, dateFormat, currencyFormat, utc } = require('./spec');

// Field markers inside a date pattern string (literal text never contains control chars).
const M = {
  YEAR: 0x01, MONTH: 0x02, DAY: 0x03, DAY2: 0x04, WEEKDAY: 0x05, MINUTE2: 0x06, MINUTE: 0x07,
  PERIOD: 0x08,
  // HOUR + cycle * 2 + padded, cycle: 0 = h11, 1 = h12, 2 = h23, 3 = h24.
  HOUR: 0x10,
};
const CYCLES = ['h11', 'h12', 'h23', 'h24'];
// ICU's currencySpacing insertBetween (root; no covered locale overrides it, verified below).
const SPACING = '\u00a0';

function fail(msg) {
  throw new Error(msg);
}

/** Locale digits 0-9 of a numbering system, as an array of strings. */
function digitsOf(tag, numberingSystem) {
  const nf = new Intl.NumberFormat(tag, { numberingSystem, useGrouping: false });
  const digits = [...Array(10).keys()].map((d) => nf.format(d));
  for (const d of digits) if ([...d].length !== 1) fail(`${tag}: digit ${d} is not one character`);
  return digits;
}

function toLocalDigits(str, digits) {
  return str.replace(/[0-9]/g, (d) => digits[+d]);
}

// Character classes of ICU's currency spacing: a space goes between symbol and digits when
// the symbol's character next to the digits is neither a symbol (S*) nor a separator (Z*).
const needsSpacing = (ch) => ch !== undefined && !/[\p{S}\p{Z}]/u.test(ch);

// ---------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------

const NUMERIC = new Set(['integer', 'group', 'decimal', 'fraction']);

/** Splits formatToParts output around the number: [before, number, after, currency parts]. */
function splitParts(parts) {
  const first = parts.findIndex((p) => NUMERIC.has(p.type));
  let last = parts.length - 1;
  while (last >= 0 && !NUMERIC.has(parts[last].type)) last--;
  if (first < 0) fail('no number in ' + JSON.stringify(parts));
  for (let i = first; i <= last; i++) {
    if (!NUMERIC.has(parts[i].type)) fail('number interrupted: ' + JSON.stringify(parts));
  }
  const text = (ps) => ps.map((p) => p.value).join('');
  return {
    before: parts.slice(0, first),
    number: text(parts.slice(first, last + 1)),
    after: parts.slice(last + 1),
  };
}

const affix = (ps) => ps.map((p) => (p.type === 'currency' ? '\u00a4' : p.value)).join('');

/** Renders an amount like the Rust side does (the model's semantics, in JS). */
function renderCurrency(num, sym, amount1000, fractionDigits) {
  const negative = amount1000 < 0;
  let abs = BigInt(Math.abs(amount1000));
  let scaled;
  if (fractionDigits >= 3) {
    scaled = abs * 10n ** BigInt(fractionDigits - 3);
  } else {
    const div = 10n ** BigInt(3 - fractionDigits);
    scaled = abs / div + ((abs % div) * 2n >= div ? 1n : 0n);
  }
  let s = scaled.toString().padStart(fractionDigits + 1, '0');
  const int = s.slice(0, s.length - fractionDigits);
  const frac = s.slice(s.length - fractionDigits);
  let grouped = int;
  if (int.length >= num.primary + num.minGrouping) {
    const groups = [int.slice(-num.primary)];
    let rest = int.slice(0, -num.primary);
    while (rest.length > num.secondary) {
      groups.unshift(rest.slice(-num.secondary));
      rest = rest.slice(0, -num.secondary);
    }
    groups.unshift(rest);
    grouped = groups.join('\u0000');
  }
  let body = toLocalDigits(grouped, num.digits).replace(/\u0000/g, num.group);
  if (fractionDigits > 0) body += num.decimal + toLocalDigits(frac, num.digits);
  const [prefix, suffix] = negative ? [num.negPrefix, num.negSuffix] : [num.posPrefix, num.posSuffix];
  const pre = prefix.replace('\u00a4', sym.symbol) + (prefix.endsWith('\u00a4') && sym.spaceAfter ? SPACING : '');
  const post = (suffix.startsWith('\u00a4') && sym.spaceBefore ? SPACING : '') + suffix.replace('\u00a4', sym.symbol);
  return pre + body + post;
}

function symbolEntry(symbol) {
  return {
    symbol,
    spaceAfter: needsSpacing([...symbol].at(-1)),
    spaceBefore: needsSpacing([...symbol][0]),
  };
}

/** Number data of one language: separators, grouping, digits, affixes, symbols. */
function numberModel(code, currencyList, fractionDigitsOf) {
  const tag = bcp47(code);
  const usd = currencyFormat(tag, 'USD');
  const { locale, numberingSystem } = usd.resolvedOptions();
  const digits = digitsOf(tag, numberingSystem);

  const big = usd.formatToParts(1234567890123.45);
  const ints = big.filter((p) => p.type === 'integer').map((p) => p.value);
  const groupPart = big.find((p) => p.type === 'group');
  const decimalPart = big.find((p) => p.type === 'decimal');
  if (!groupPart || !decimalPart || ints.length < 3) fail(`${code}: unexpected ${JSON.stringify(big)}`);
  const primary = [...ints.at(-1)].length;
  const secondary = [...ints.at(-2)].length;
  let minGrouping = 0;
  for (let n = primary + 1; n <= primary + 4 && !minGrouping; n++) {
    const x = Number('1'.repeat(n));
    if (usd.formatToParts(x).some((p) => p.type === 'group')) minGrouping = n - primary;
  }
  if (!minGrouping) fail(`${code}: no grouping threshold found`);

  // The affix templates, read from currencies whose symbol cannot trigger currency spacing
  // (so no inserted space hides in the literals); all of them must agree.
  const templates = new Map();
  const unsafeTemplates = new Map();
  const rawSymbol = {};
  for (const c of currencyList) {
    const f = currencyFormat(tag, c);
    const pos = splitParts(f.formatToParts(1234.5));
    const neg = splitParts(f.formatToParts(-1234.5));
    const sym = pos.before.concat(pos.after).find((p) => p.type === 'currency');
    if (!sym) fail(`${code} ${c}: no currency part`);
    rawSymbol[c] = sym.value;
    const t = [affix(pos.before), affix(pos.after), affix(neg.before), affix(neg.after)];
    const adjacent = [...sym.value];
    const safe = [t[0], t[2]].every((p) => !p.includes('\u00a4') || !needsSpacing(adjacent.at(-1))) &&
      [t[1], t[3]].every((x) => !x.includes('\u00a4') || !needsSpacing(adjacent[0]));
    const key = JSON.stringify(t);
    (safe ? templates : unsafeTemplates).set(key, ((safe ? templates : unsafeTemplates).get(key) || []).concat(c));
  }
  // Where every symbol is spaced (ro: all are letter codes) a space before the symbol may be
  // the pattern's or an inserted one; both readings render the same, take the pattern's.
  if (templates.size === 0) unsafeTemplates.forEach((v, k) => templates.set(k, v));
  if (templates.size !== 1) fail(`${code}: affix templates disagree: ${JSON.stringify([...templates])}`);
  const [posPrefix, posSuffix, negPrefix, negSuffix] = JSON.parse([...templates.keys()][0]);
  for (const a of [posPrefix, posSuffix, negPrefix, negSuffix]) {
    if ((a.match(/\u00a4/g) || []).length > 1) fail(`${code}: several symbols in ${a}`);
  }
  const num = {
    locale, digits, group: groupPart.value, decimal: decimalPart.value, primary, secondary,
    minGrouping, posPrefix, posSuffix, negPrefix, negSuffix, symbols: {},
  };

  // Each currency's symbol is what stands where the template has ¤ (ICU may attach a bidi
  // mark to a symbol as a separate literal part, so the text decides, not the parts).
  for (const c of currencyList) {
    const f = currencyFormat(tag, c);
    const pos = splitParts(f.formatToParts(1234.5));
    const [pre, post] = [pos.before.map((p) => p.value).join(''), pos.after.map((p) => p.value).join('')];
    const inPrefix = posPrefix.includes('\u00a4');
    const [outer, text] = inPrefix ? [posPrefix, pre] : [posSuffix, post];
    const [a, b] = outer.split('\u00a4');
    if (!text.startsWith(a) || !text.endsWith(b)) fail(`${code} ${c}: ${JSON.stringify(text)} does not fit ${JSON.stringify(outer)}`);
    let middle = text.slice(a.length, text.length - b.length);
    // Strip the spacing ICU inserted between symbol and digits.
    if (inPrefix && b === '' && middle.endsWith(SPACING) && needsSpacing([...middle.slice(0, -1)].at(-1))) {
      middle = middle.slice(0, -1);
    } else if (!inPrefix && a === '' && middle.startsWith(SPACING) && needsSpacing([...middle.slice(1)][0])) {
      middle = middle.slice(1);
    }
    if (!middle.includes(rawSymbol[c])) {
      fail(`${code} ${c}: symbol ${JSON.stringify(middle)} vs part ${JSON.stringify(rawSymbol[c])}`);
    }
    const entry = symbolEntry(middle);
    num.symbols[c] = entry;
    for (const amount1000 of [0, 1, 1234567, -1234567, 2147483647, -2147483648, -1, 500, 12345678]) {
      const want = f.format(amount1000 / 1000);
      const got = renderCurrency(num, entry, amount1000, fractionDigitsOf[c]);
      if (want !== got) {
        fail(`${code} ${c} ${amount1000}: model gives ${JSON.stringify(got)}, Intl ${JSON.stringify(want)}`);
      }
    }
  }
  return num;
}

/** Minor digits per currency (ISO 4217 as ICU has it); must not depend on the locale. */
function fractionDigits(codes, currencyList) {
  const out = {};
  for (const c of currencyList) {
    const ro = currencyFormat('en', c).resolvedOptions();
    if (ro.minimumFractionDigits !== ro.maximumFractionDigits) fail(`${c}: min != max digits`);
    out[c] = ro.maximumFractionDigits;
    for (const code of codes) {
      const r = currencyFormat(bcp47(code), c).resolvedOptions();
      if (r.maximumFractionDigits !== out[c] || r.minimumFractionDigits !== out[c]) {
        fail(`${code} ${c}: locale-specific fraction digits`);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------

/** Dates whose formatting exercises every month, weekday, hour and digit count. */
function extractionSamples() {
  const s = [];
  for (let m = 1; m <= 12; m++) s.push([2024, m, m + 10, m + 5, (m * 7) % 60]);
  for (let h = 0; h < 24; h++) s.push([2000, 1, 1, h, 0], [2000, 1, 1, h, 30], [2000, 1, 1, h, 7]);
  for (let i = 0; i < 7; i++) s.push([2024, 1, 1 + i, 9, 5]); // Monday..Sunday
  for (const y of [1, 9, 10, 99, 100, 999, 1000, 1582, 9999]) s.push([y, 3, 1, 0, 0]);
  for (const d of [1, 9, 10, 31]) s.push([2023, 1, d, 3, 9]);
  return s;
}

/** What DateTimeFormat#format prints for U+202F (see dateModel). */
const nnbsp = (s) => s.replace(/\u202f/g, ' ');

/** ISO weekday of a sample, 1 = Monday .. 7 = Sunday. */
const isoWeekday = (date) => ((date.getUTCDay() + 6) % 7) + 1;

function dateModel(code) {
  const tag = bcp47(code);
  const probe = dateFormat(tag, COMBOS[0][1]).resolvedOptions();
  const digits = digitsOf(tag, probe.numberingSystem);
  const num = (n, width) => toLocalDigits(String(n).padStart(width, '0'), digits);
  const fromLocal = (t) => Number([...t].map((ch) => {
    const i = digits.indexOf(ch);
    if (i < 0) fail(`${code}: non-digit ${JSON.stringify(t)}`);
    return i;
  }).join(''));
  const samples = extractionSamples();
  const patterns = [];
  for (const [name, options] of COMBOS) {
    const df = dateFormat(tag, options);
    const ro = df.resolvedOptions();
    if (ro.locale !== probe.locale || ro.numberingSystem !== probe.numberingSystem || ro.calendar !== 'gregory') {
      fail(`${code} ${name}: resolved ${JSON.stringify(ro)}`);
    }
    // Hour cycle and the padding of numeric fields, from what is displayed (not from
    // resolvedOptions); every sample below is then checked against them.
    const textOf = (type, date) => df.formatToParts(date).find((p) => p.type === type)?.value;
    let hourMarker = 0;
    if (options.hour) {
      const at0 = fromLocal(textOf('hour', utc(2000, 1, 1, 0, 0)));
      const at13 = fromLocal(textOf('hour', utc(2000, 1, 1, 13, 0)));
      const cycle = at0 === 12 && at13 === 1 ? 1 : at0 === 0 && at13 === 1 ? 0 : at0 === 0 && at13 === 13 ? 2 : at0 === 24 ? 3 : -1;
      if (cycle < 0) fail(`${code} ${name}: unknown hour cycle (${at0}, ${at13})`);
      const padded = [...textOf('hour', utc(2000, 1, 1, 1, 0))].length === 2 ? 1 : 0;
      hourMarker = M.HOUR + cycle * 2 + padded;
    }
    const dayMarker = options.day && [...textOf('day', utc(2000, 1, 5))].length === 2 ? M.DAY2 : M.DAY;
    const minuteMarker = options.minute && [...textOf('minute', utc(2000, 1, 1, 1, 5))].length === 1 ? M.MINUTE : M.MINUTE2;
    const months = Array(12).fill(null);
    const weekdays = Array(7).fill(null);
    const periods = Array(24).fill(null);
    let pattern = null;
    const put = (table, i, v, what) => {
      if (table[i] !== null && table[i] !== v) fail(`${code} ${name}: ${what} ${i} is ${table[i]} and ${v}`);
      table[i] = v;
    };
    for (const [y, mo, d, h, mi] of samples) {
      const date = utc(y, mo, d, h, mi);
      let p = '';
      for (const part of df.formatToParts(date)) {
        const v = part.value;
        switch (part.type) {
          case 'literal':
            if (/[\u0000-\u001f]/.test(v)) fail(`${code} ${name}: control char in literal`);
            p += nnbsp(v);
            break;
          case 'year':
            if (v !== num(y, 1)) fail(`${code} ${name}: year ${y} shown as ${v}`);
            p += String.fromCharCode(M.YEAR);
            break;
          case 'month':
            put(months, mo - 1, nnbsp(v), 'month');
            p += String.fromCharCode(M.MONTH);
            break;
          case 'weekday':
            put(weekdays, isoWeekday(date) - 1, nnbsp(v), 'weekday');
            p += String.fromCharCode(M.WEEKDAY);
            break;
          case 'day':
            if (v !== num(d, dayMarker === M.DAY2 ? 2 : 1)) fail(`${code} ${name}: day ${d} shown as ${v}`);
            p += String.fromCharCode(dayMarker);
            break;
          case 'hour': {
            const cycle = (hourMarker - M.HOUR) >> 1;
            const padded = (hourMarker - M.HOUR) & 1;
            const shown = [h % 12, h % 12 === 0 ? 12 : h % 12, h, h === 0 ? 24 : h][cycle];
            if (v !== num(shown, padded ? 2 : 1)) fail(`${code} ${name}: hour ${h} shown as ${v}`);
            p += String.fromCharCode(hourMarker);
            break;
          }
          case 'minute':
            if (v !== num(mi, minuteMarker === M.MINUTE2 ? 2 : 1)) fail(`${code} ${name}: minute ${mi} shown as ${v}`);
            p += String.fromCharCode(minuteMarker);
            break;
          case 'dayPeriod':
            put(periods, h, nnbsp(v), 'day period at hour');
            p += String.fromCharCode(M.PERIOD);
            break;
          default:
            fail(`${code} ${name}: unexpected part ${part.type}`);
        }
      }
      // V8's DateTimeFormat#format (unlike formatToParts) prints U+202F NARROW NO-BREAK
      // SPACE as a plain space (a web-compatibility workaround since CLDR 42 put U+202F
      // before AM/PM); the model follows format(), so this must be the only difference.
      const joined = df.formatToParts(date).map((x) => x.value).join('');
      if (df.format(date) !== joined.replace(/\u202f/g, ' ')) fail(`${code} ${name}: format() differs from formatToParts beyond U+202F`);
      if (pattern === null) pattern = p;
      else if (pattern !== p) fail(`${code} ${name}: pattern varies: ${JSON.stringify(pattern)} vs ${JSON.stringify(p)}`);
    }
    const table = (t, used) => {
      if (!used) return [];
      if (t.some((x) => x === null)) fail(`${code} ${name}: incomplete table`);
      for (const x of t) if (x.includes('\u001f')) fail(`${code}: separator in name`);
      return t;
    };
    const has = (m) => pattern.includes(String.fromCharCode(m));
    patterns.push({
      pattern,
      months: table(months, has(M.MONTH)),
      weekdays: table(weekdays, has(M.WEEKDAY)),
      periods: table(periods, has(M.PERIOD)),
    });
  }
  return { locale: probe.locale, digits, patterns };
}

module.exports = { numberModel, fractionDigits, dateModel, M, CYCLES, SPACING };
