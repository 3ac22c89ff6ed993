// The public API of the `wamsg` package over its main WebAssembly engine (`wamsg_wasm.js`,
// made by wasm-bindgen from the `wasm/` crate's `engine` module). This file only maps
// arguments onto engine calls (checks in boundary.js) and parses the engine's JSON answers.
// Every rule lives in the Rust core.
//
// The entry points (`node.js`, `browser.js`) instantiate the engine before this module is
// used.

import * as engine from './wamsg_wasm.js';
import {
  KINDS,
  U32_MAX,
  VALIDATE_KEYS,
  defaults,
  describe,
  engineCalls,
  engineOptions,
  fail,
  integer,
  jsonInput,
  jsonText,
  oneOf,
  optionsObject,
  show,
  sized,
  text,
} from './boundary.js';

export { defaults };

const { run, put: putInput, output } = engineCalls(engine);

const CHECK_KEYS = ['as', ...VALIDATE_KEYS];
const TEXT_KEYS = ['maxBytes'];
const RENDER_KEYS = ['template', 'localize', 'format', ...VALIDATE_KEYS];
const RENDER_FORMATS = { json: 0, html: 1, text: 2 };
const LOCALIZE = { fallback: 0, locale: 1 };
const WINDOW_KEYS = ['template', 'lastInbound', 'now', 'freeEntryPointUntil', ...VALIDATE_KEYS];

const KIND_NAMES = [undefined, 'message', 'template', 'webhook'];

const SEVERITIES = ['error', 'warning'];
// Numbers per diagnostic in the engine's report (wasm/src/engine.rs, `report_numbers`).
const FIELDS = 9;

// A clean report comes back as its kind alone; anything else as numbers in WebAssembly
// memory and one string holding each diagnostic's code, path and message, which are cut out
// of it by their UTF-16 lengths (cheaper than JSON both to write and to read).
function report(code) {
  if (code !== 0) return { valid: true, kind: KIND_NAMES[code], diagnostics: [] };
  const text = output();
  const at = engine.report_numbers();
  const { buffer } = engine.initSync().memory;
  const head = new Uint32Array(buffer, at, 3);
  const count = head[2];
  const n = new Uint32Array(buffer, at, 3 + FIELDS * count);
  const diagnostics = new Array(count);
  let pos = 0;
  for (let i = 0, k = 3; i < count; i++, k += FIELDS) {
    const codeEnd = pos + n[k + 6];
    const pathEnd = codeEnd + n[k + 7];
    const messageEnd = pathEnd + n[k + 8];
    const d = {
      severity: SEVERITIES[n[k]],
      code: text.slice(pos, codeEnd),
      path: text.slice(codeEnd, pathEnd),
      line: n[k + 1],
      column: n[k + 2],
      message: text.slice(pathEnd, messageEnd),
    };
    if (n[k + 3] !== 0) d.metaError = n[k + 3] - 1;
    d.span = [n[k + 4], n[k + 5]];
    diagnostics[i] = d;
    pos = messageEnd;
  }
  return { valid: head[0] === 1, kind: KIND_NAMES[head[1]], diagnostics };
}

function runCheck(src, what, kind, [api, maxBytes, maxDepth, maxDiagnostics]) {
  return report(run(() => engine.check(putInput(src, what), kind, api, maxBytes, maxDepth, maxDiagnostics)));
}

function validate(input, options, kind, what) {
  const opts = optionsObject(options, VALIDATE_KEYS);
  const args = engineOptions(opts);
  const src = jsonInput(input, what, args[1]);
  return runCheck(src, what, kind, args);
}

const MESSAGE_KEYS = ['template', ...VALIDATE_KEYS];

/**
 * Validates an outbound message (JSON text or an object). With `options.template` (the
 * template definition), a template message is also checked against it: parameter counts,
 * formats and lengths, buttons, name and language.
 */
export function validateMessage(input, options) {
  if (options?.template === undefined) return validate(input, options, KINDS.message, 'message');
  const opts = optionsObject(options, MESSAGE_KEYS);
  const [api, maxBytes, maxDepth, maxDiagnostics] = engineOptions(opts);
  const src = jsonInput(input, 'message', maxBytes);
  const template = jsonText(opts.template, 'options.template', maxBytes);
  return report(run(() => engine.check_send(putInput(src, 'message'), template, api, maxBytes, maxDepth, maxDiagnostics)));
}

/** Validates a template definition (JSON text or an object). */
export function validateTemplate(input, options) {
  return validate(input, options, KINDS.template, 'template');
}

/** Validates a webhook notification (JSON text or an object). */
export function validateWebhook(input, options) {
  return validate(input, options, KINDS.webhook, 'webhook');
}

/** Validates any document; `options.as` picks the kind (default: detected by shape). */
export function check(input, options) {
  const opts = optionsObject(options, CHECK_KEYS);
  const kind = opts?.as === undefined ? KINDS.auto : oneOf(opts.as, 'as', KINDS);
  const args = engineOptions(opts);
  const src = jsonInput(input, 'input', args[1]);
  return runCheck(src, 'input', kind, args);
}

// A point in time for the window rules: Unix seconds, or a Date.
function seconds(value, name) {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw fail(`options.${name} is an invalid Date`);
    return Math.floor(ms / 1000);
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw fail(`options.${name} must be a Date or Unix seconds (a safe integer), got ${show(value)}`);
  }
  return value;
}

function optionalSeconds(value, name) {
  return value === undefined || value === null ? undefined : seconds(value, name);
}

/**
 * Whether a message may be sent now (the 24-hour customer service window) and what it
 * would cost. `options.template` is the template definition a template message uses;
 * times are Unix seconds or Dates; `now` defaults to the current time.
 */
export function assessWindow(message, options) {
  const opts = optionsObject(options, WINDOW_KEYS);
  const [api, maxBytes, maxDepth, maxDiagnostics] = engineOptions(opts);
  const src = jsonText(message, 'message', maxBytes);
  const template = opts?.template === undefined ? undefined : jsonText(opts.template, 'options.template', maxBytes);
  const lastInbound = optionalSeconds(opts?.lastInbound, 'lastInbound');
  const now = opts?.now === undefined ? Math.floor(Date.now() / 1000) : seconds(opts.now, 'now');
  const until = optionalSeconds(opts?.freeEntryPointUntil, 'freeEntryPointUntil');
  return JSON.parse(run(engine.assess, src, template, lastInbound, now, until, api, maxBytes, maxDepth, maxDiagnostics));
}

// --- preview -----------------------------------------------------------------------------

/**
 * The preview of what the recipient sees: header, body, footer, buttons (and a list), with
 * the diagnostics of the message. `options.template` is the template definition (one, a
 * `{data: [...]}` list as the API returns it, or an array) for template messages;
 * `options.localize` renders currency and date_time parameters from `fallback_value`
 * (default) or formatted in the template's locale. `options.format: 'html' | 'text'` gives
 * the preview rendered as safe HTML or as text instead.
 */
export function renderMessage(message, options) {
  const opts = optionsObject(options, RENDER_KEYS);
  const [api, maxBytes, maxDepth, maxDiagnostics] = engineOptions(opts);
  const src = jsonInput(message, 'message', maxBytes);
  const template = opts?.template === undefined ? undefined : jsonText(opts.template, 'options.template', maxBytes);
  const localize = opts?.localize === undefined ? LOCALIZE.fallback : oneOf(opts.localize, 'localize', LOCALIZE);
  const format = opts?.format === undefined ? RENDER_FORMATS.json : oneOf(opts.format, 'format', RENDER_FORMATS);
  const out = run(() => engine.render(putInput(src, 'message'), template, localize, format, api, maxBytes, maxDepth, maxDiagnostics));
  return format === RENDER_FORMATS.json ? JSON.parse(out) : out;
}

let limitTable;

/** The platform limits editors count against, in Unicode scalars (the same object each call). */
export function limits() {
  limitTable ??= Object.freeze(JSON.parse(run(engine.limits)));
  return limitTable;
}

// --- locale formatting ------------------------------------------------------------------

function localeResult(json) {
  const r = JSON.parse(json);
  if (r.error !== undefined) throw new RangeError(`wamsg: ${r.error}`);
  return r.value;
}

// Language, currency and calendar codes are short; 4096 UTF-16 units is a generous cap.
const CODE_LIMIT = 4096;

function languageCode(value) {
  if (typeof value !== 'string') throw fail(`language must be a string such as "en_US", got ${describe(value)}`);
  return text(value, 'language', CODE_LIMIT, 'codes are short');
}

// An integer argument that must fit the core's parameter type; outside that range it cannot
// be valid, and is a RangeError rather than a silently dropped value.
function intIn(value, name, min, max) {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw fail(`${name} must be an integer, got ${show(value)}`);
  }
  if (value < min || value > max) throw new RangeError(`wamsg: ${name} ${value} is out of range`);
  return value;
}

const I32 = [-(2 ** 31), 2 ** 31 - 1];
const U8 = [0, 255];
const DATE_TIME_KEYS = ['year', 'month', 'day_of_month', 'day_of_week', 'hour', 'minute', 'calendar', 'fallback_value'];

/**
 * Formats `amount1000 / 1000` units of an ISO 4217 currency in a template language's locale,
 * as a `currency` parameter renders with `localize: 'locale'` (the same text as `Intl`).
 * Throws a RangeError for an unknown language or currency, or an amount outside Meta's int32.
 */
export function formatCurrency(language, amount1000, currency) {
  const lang = languageCode(language);
  const amount = intIn(amount1000, 'amount1000', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  if (typeof currency !== 'string') throw fail(`currency must be a string such as "USD", got ${describe(currency)}`);
  const code = text(currency, 'currency', CODE_LIMIT, 'codes are short');
  return localeResult(run(engine.format_currency, lang, amount, code));
}

/**
 * Formats `date_time` components (Meta's field names: year, month, day_of_month, day_of_week,
 * hour, minute, calendar; a payload's `fallback_value` is ignored) in a template language's
 * locale. Throws a RangeError for an unknown language, another calendar or invalid parts.
 */
export function formatDateTime(language, parts) {
  const lang = languageCode(language);
  if (parts === null || typeof parts !== 'object' || Array.isArray(parts)) {
    throw fail(`date_time parts must be an object, got ${describe(parts)}`);
  }
  for (const key of Object.keys(parts)) {
    if (!DATE_TIME_KEYS.includes(key)) throw fail(`unknown date_time field ${JSON.stringify(key)}; known fields: ${DATE_TIME_KEYS.join(', ')}`);
  }
  const field = (name, [min, max]) => (parts[name] === undefined || parts[name] === null ? undefined : intIn(parts[name], name, min, max));
  let calendar;
  if (parts.calendar !== undefined && parts.calendar !== null) {
    calendar = text(parts.calendar, 'calendar', CODE_LIMIT, 'codes are short');
  }
  return localeResult(
    run(
      engine.format_date_time,
      lang,
      field('year', I32),
      field('month', U8),
      field('day_of_month', U8),
      field('day_of_week', U8),
      field('hour', U8),
      field('minute', U8),
      calendar,
    ),
  );
}

/** Formats the UTC time of a Unix timestamp (seconds) in a template language's locale. */
export function formatTimestamp(language, unixSeconds) {
  const lang = languageCode(language);
  const seconds = intIn(unixSeconds, 'unixSeconds', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  return localeResult(run(engine.format_unix_epoch, lang, seconds));
}

/** The `Intl` locale tag whose CLDR data a template language is formatted with (`prs_AF` → `fa-AF`). */
export function intlLocale(language) {
  return localeResult(run(engine.intl_locale, languageCode(language)));
}

function textLimit(options) {
  const opts = optionsObject(options, TEXT_KEYS);
  return opts?.maxBytes === undefined ? defaults.maxBytes : integer(opts.maxBytes, 'maxBytes', 1, U32_MAX - 1);
}

// --- WhatsApp formatting ------------------------------------------------------------------

/** WhatsApp markup as the preview AST; spans are UTF-16 offsets into `text`. */
export function parseFormatting(value, options) {
  const t = sized(value, 'text', textLimit(options));
  return JSON.parse(run(() => engine.parse_formatting(putInput(t, 'text'))));
}

/** WhatsApp markup as HTML: every character of the text escaped, safe to insert. */
export function formatToHtml(value, options) {
  const t = sized(value, 'text', textLimit(options));
  return run(() => engine.format_to_html(putInput(t, 'text')));
}

/** WhatsApp markup as plain text, as a notification shows it. */
export function formatToText(value, options) {
  const t = sized(value, 'text', textLimit(options));
  return run(() => engine.format_to_text(putInput(t, 'text')));
}

/** The lengths of a text: Unicode scalars (what limits count), UTF-16 units, graphemes, bytes. */
export function measure(value, options) {
  return JSON.parse(run(engine.measure, text(value, 'text', textLimit(options))));
}
