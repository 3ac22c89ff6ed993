'use strict';
// What the generator covers: the languages (read from core/src/languages.rs), the currency
// list, and the Intl options each formatting mirrors. core/src/locale/mod.rs documents the
// same choices; the two must agree (the oracle fixtures make any disagreement a test failure).

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

/** Meta's template language codes, in the order of core/src/languages.rs. */
function languages() {
  const src = fs.readFileSync(path.join(ROOT, 'core/src/languages.rs'), 'utf8');
  const start = src.indexOf('pub const SUPPORTED');
  const end = src.indexOf('];', start);
  const codes = [...src.slice(start, end).matchAll(/code: "([^"]+)"/g)].map((m) => m[1]);
  if (codes.length !== 111) throw new Error(`expected 111 languages, read ${codes.length}`);
  return codes;
}

/** The BCP 47 tag handed to Intl for a Meta code: `pt_BR` → `pt-BR`, `prs_AF` → `prs-AF`. */
function bcp47(code) {
  return code.replace(/_/g, '-');
}

// The currency of every country/region behind the 111 languages (the explicit region of a
// code, or the likely region Intl.Locale#maximize gives a bare language), per ISO 4217 as of
// 2025/2026. The generator fails when a language's region is missing here.
const REGION_CURRENCIES = {
  AE: ['AED'], AF: ['AFN'], AL: ['ALL'], AR: ['ARS'], AT: ['EUR'], AU: ['AUD'], AZ: ['AZN'],
  BD: ['BDT'], BE: ['EUR'], BG: ['BGN', 'EUR'], BR: ['BRL'], BY: ['BYN'], CA: ['CAD'],
  CH: ['CHF'], CI: ['XOF'], CL: ['CLP'], CN: ['CNY'], CO: ['COP'], CR: ['CRC'], CZ: ['CZK'],
  DE: ['EUR'], DK: ['DKK'], DO: ['DOP'], EC: ['USD'], EE: ['EUR'], EG: ['EGP'], ES: ['EUR'],
  FI: ['EUR'], FR: ['EUR'], GB: ['GBP'], GE: ['GEL'], GH: ['GHS'], GR: ['EUR'], HK: ['HKD'],
  HN: ['HNL'], HR: ['EUR'], HU: ['HUF'], ID: ['IDR'], IE: ['EUR'], IL: ['ILS'], IN: ['INR'],
  IR: ['IRR'], IT: ['EUR'], JM: ['JMD'], JP: ['JPY'], KG: ['KGS'], KR: ['KRW'], KZ: ['KZT'],
  LA: ['LAK'], LB: ['LBP'], LK: ['LKR'], LT: ['EUR'], LV: ['EUR'], MA: ['MAD'], MK: ['MKD'],
  MX: ['MXN'], MY: ['MYR'], NG: ['NGN'], NL: ['EUR'], NO: ['NOK'], NZ: ['NZD'], PA: ['PAB', 'USD'],
  PE: ['PEN'], PH: ['PHP'], PK: ['PKR'], PL: ['PLN'], PT: ['EUR'], QA: ['QAR'], RO: ['RON'],
  RS: ['RSD'], RU: ['RUB'], RW: ['RWF'], SE: ['SEK'], SG: ['SGD'], SI: ['EUR'], SK: ['EUR'],
  TH: ['THB'], TR: ['TRY'], TW: ['TWD'], TZ: ['TZS'], UA: ['UAH'], UG: ['UGX'], US: ['USD'],
  UY: ['UYU'], UZ: ['UZS'], VN: ['VND'], ZA: ['ZAR'],
};

// Beyond those: the most traded currencies, the Gulf currencies (three minor digits: KWD,
// BHD, OMR, JOD), and large WhatsApp Business markets without a language of their own here.
const MAJORS = [
  'USD', 'EUR', 'JPY', 'GBP', 'CNY', 'AUD', 'CAD', 'CHF', 'HKD', 'SGD', 'SEK', 'NOK', 'NZD',
  'KRW', 'INR', 'MXN', 'BRL', 'ZAR', 'TRY', 'SAR', 'KWD', 'BHD', 'OMR', 'JOD', 'KES', 'XAF',
];

/** The supported currencies, sorted, and the region each language maps to. */
function currencies(codes) {
  const set = new Set(MAJORS);
  const regionOf = {};
  for (const code of codes) {
    const region = new Intl.Locale(bcp47(code)).maximize().region;
    const list = REGION_CURRENCIES[region];
    if (!list) throw new Error(`${code}: region ${region} has no entry in REGION_CURRENCIES`);
    regionOf[code] = region;
    list.forEach((c) => set.add(c));
  }
  return { list: [...set].sort(), regionOf };
}

// The field combinations date_time supports, in the order of `Combo` in
// core/src/locale/mod.rs, each with the Intl.DateTimeFormat options it mirrors (on top of
// BASE_DATE_OPTIONS).
const COMBOS = [
  ['Y', { year: 'numeric' }],
  ['YM', { year: 'numeric', month: 'long' }],
  ['MD', { month: 'long', day: 'numeric' }],
  ['YMD', { year: 'numeric', month: 'long', day: 'numeric' }],
  ['WYMD', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }],
  ['H', { hour: 'numeric' }],
  ['HM', { hour: 'numeric', minute: '2-digit' }],
  ['YMD_H', { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric' }],
  ['YMD_HM', { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' }],
  ['WYMD_H', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric' }],
  ['WYMD_HM', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' }],
];
const BASE_DATE_OPTIONS = { timeZone: 'UTC', calendar: 'gregory' };
/** unix_epoch formats like this combination. */
const EPOCH_COMBO = 'YMD_HM';

function dateFormat(tag, comboOptions) {
  return new Intl.DateTimeFormat(tag, { ...BASE_DATE_OPTIONS, ...comboOptions });
}

function currencyFormat(tag, currency) {
  return new Intl.NumberFormat(tag, { style: 'currency', currency });
}

/** A UTC instant for a proleptic Gregorian date (Date.UTC maps years 0..99 to 19xx). */
function utc(year, month, day, hour = 0, minute = 0) {
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute));
  d.setUTCFullYear(year, month - 1, day);
  return d;
}

/** Refuses to run on a Node without full ICU (small-icu would silently produce English). */
function assertFullIcu() {
  const de = new Intl.DateTimeFormat('de', { month: 'long', timeZone: 'UTC' }).format(utc(2024, 2, 1));
  if (de !== 'Februar' || !process.versions.cldr) {
    throw new Error('this Node has no full ICU data (need the default full-icu build)');
  }
}

module.exports = {
  ROOT, languages, bcp47, currencies, COMBOS, BASE_DATE_OPTIONS, EPOCH_COMBO, dateFormat,
  currencyFormat, utc, assertFullIcu, REGION_CURRENCIES, MAJORS,
};
