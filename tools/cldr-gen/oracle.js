'use strict';
// The oracle fixtures: what Node's Intl prints for every language over a fixed set of
// currencies/amounts, date/time components and epochs. Computed straight from Intl with the
// documented options (never from the extracted model), so tests/tests/locale.rs checks the
// Rust formatter and the model against ICU itself.

const { bcp47, currencyFormat, dateFormat, utc, EPOCH_COMBO, COMBOS } = require('./spec');

// Zero, small, fractional, rounding at half (JPY 0.5 → 1, half-expand), grouping thresholds
// (1234 and 12345 units, for locales with minimum grouping 2), the int32 extremes, and
// negatives including one that rounds to zero (JPY: "-¥0", as Intl prints it).
const AMOUNTS = [
  0, 1, 5, 499, 500, 1005, 100990, 1234000, 12345678, 2147483647, -1, -500, -1234567, -2147483648,
];
// Every other currency: one positive and one negative amount (symbol, spacing, sign).
const SYMBOL_AMOUNTS = [1234567, -1234567];
// Currencies checked with every amount: different minor digits (2, 0, 3), letter and sign
// symbols, plus the language's own region currencies.
const CORE_CURRENCIES = ['USD', 'EUR', 'JPY', 'KWD', 'CHF'];

const FIELDS = ['year', 'month', 'day_of_month', 'day_of_week', 'hour', 'minute'];

/** Component samples: [year, month, day_of_month, day_of_week, hour, minute], null = absent. */
function dateSamples() {
  const years = [2024, 2024, 1, 9, 10, 99, 100, 999, 1582, 1970, 2038, 9999];
  const days = [1, 29, 5, 9, 10, 11, 20, 31, 30, 31, 15, 31];
  // Given weekdays are partly wrong on purpose: the formatter must show the derived one.
  const dates = years.map((y, i) => [y, i + 1, days[i], (i % 7) + 1]);
  for (let i = 0; i < 7; i++) dates.push([2024, 3, 4 + i, 1]);
  const minutes = [0, 5, 30, 59, 7, 10];
  const out = [];
  const push = (y, m, d, w, h, mi) => out.push([y, m, d, w, h, mi]);
  for (const y of [1, 9, 99, 999, 2024, 9999]) push(y, null, null, null, null, null);
  for (const [y, m] of dates.slice(0, 12)) push(y, m, null, null, null, null);
  for (const [, m, d] of dates.slice(0, 12)) push(null, m, d, null, null, null);
  for (const [y, m, d] of dates.slice(0, 12)) push(y, m, d, null, null, null);
  for (const [y, m, d, w] of dates) push(y, m, d, w, null, null);
  for (let h = 0; h < 24; h++) push(null, null, null, null, h, null);
  for (let h = 0; h < 24; h++) push(null, null, null, null, h, minutes[h % minutes.length]);
  const hours = [0, 1, 11, 12, 13, 23, 9, 18];
  const mins = [0, 5, 30, 59, 7, 10, 45, 1];
  for (let i = 0; i < 8; i++) {
    const [y, m, d, w] = dates[i + 2];
    push(y, m, d, null, hours[i], null);
    push(y, m, d, null, hours[i], mins[i]);
    push(y, m, d, w, hours[(i + 3) % 8], null);
    push(y, m, d, w, hours[(i + 5) % 8], mins[(i + 1) % 8]);
  }
  return out;
}

const EPOCHS = [
  0, 1, -1, 59, 86399, 951782400, 1000000000, 1234567890, 1700000000, 1711974600, 2147483647,
  -2208988800, -62135596800, 253402300799,
];

/** The Intl options the documented mapping gives for the present fields. */
function optionsFor([y, m, d, w, h, mi]) {
  const o = {};
  if (w !== null) o.weekday = 'long';
  if (y !== null) o.year = 'numeric';
  if (m !== null) o.month = 'long';
  if (d !== null) o.day = 'numeric';
  if (h !== null) o.hour = 'numeric';
  if (mi !== null) o.minute = '2-digit';
  return o;
}

function fixture(code, currencyList, regionCurrencies, header) {
  const tag = bcp47(code);
  const core = [...new Set([...CORE_CURRENCIES, ...regionCurrencies])].sort();
  const currency = {};
  for (const c of core) {
    const f = currencyFormat(tag, c);
    currency[c] = AMOUNTS.map((a) => f.format(a / 1000));
  }
  const symbols = {};
  for (const c of currencyList) {
    if (core.includes(c)) continue;
    const f = currencyFormat(tag, c);
    symbols[c] = SYMBOL_AMOUNTS.map((a) => f.format(a / 1000));
  }
  const dateTime = dateSamples().map((s) => {
    const [y, m, d, , h, mi] = s;
    return [s, dateFormat(tag, optionsFor(s)).format(utc(y ?? 2000, m ?? 1, d ?? 1, h ?? 0, mi ?? 0))];
  });
  const epochOptions = COMBOS.find(([n]) => n === EPOCH_COMBO)[1];
  const unixEpoch = EPOCHS.map((s) => [s, dateFormat(tag, epochOptions).format(new Date(s * 1000))]);
  const intlLocale = currencyFormat(tag, 'USD').resolvedOptions().locale;

  // One case per line keeps diffs readable when ICU changes.
  const j = JSON.stringify;
  const lines = [
    '{',
    `  "source": ${j(header)},`,
    `  "lang": ${j(code)},`,
    `  "intl_locale": ${j(intlLocale)},`,
    `  "amounts": ${j(AMOUNTS)},`,
    '  "currency": {',
    Object.entries(currency).map(([c, v]) => `    ${j(c)}: ${j(v)}`).join(',\n'),
    '  },',
    `  "symbol_amounts": ${j(SYMBOL_AMOUNTS)},`,
    '  "symbols": {',
    Object.entries(symbols).map(([c, v]) => `    ${j(c)}: ${j(v)}`).join(',\n'),
    '  },',
    `  "date_time_fields": ${j(FIELDS)},`,
    '  "date_time": [',
    dateTime.map((x) => `    ${j(x)}`).join(',\n'),
    '  ],',
    '  "unix_epoch": [',
    unixEpoch.map((x) => `    ${j(x)}`).join(',\n'),
    '  ]',
    '}',
    '',
  ];
  return lines.join('\n');
}

module.exports = { fixture, AMOUNTS, EPOCHS };
