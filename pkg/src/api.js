// The public API of the `wamsg` package over the WebAssembly engine (`wamsg_wasm.js`, made by
// wasm-bindgen from the `wasm/` crate). This file only guards the boundary: it checks argument
// types and options (a thrown TypeError names what is wrong), turns objects into JSON text,
// keeps oversized or malformed strings out of WebAssembly memory, and parses the engine's
// JSON answers. Every rule lives in the Rust core.
//
// The entry points (`node.js`, `browser.js`) instantiate the engine before this module is
// used.

import * as engine from './wamsg_wasm.js';
import { guarded } from './guard.js';

/** Default limits, the same as the Rust core's `Options::default()`. */
export const defaults = Object.freeze({
  api: 'cloud',
  maxBytes: 4 * 1024 * 1024,
  maxDepth: 64,
  maxDiagnostics: 1000,
});

const KINDS = { auto: 0, message: 1, template: 2, webhook: 3 };
const APIS = { cloud: 0, 'on-prem': 1 };
// Largest value a u32 parameter of the engine takes; the core clamps the byte limit further.
const U32_MAX = 0xffff_ffff;

const VALIDATE_KEYS = ['api', 'maxBytes', 'maxDepth', 'maxDiagnostics'];
const CHECK_KEYS = ['as', ...VALIDATE_KEYS];
const TEXT_KEYS = ['maxBytes'];
const WINDOW_KEYS = ['template', 'lastInbound', 'now', 'freeEntryPointUntil', ...VALIDATE_KEYS];

function describe(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  const t = typeof value;
  return t === 'object' ? 'an object' : `a ${t}`;
}

function fail(message, cause) {
  return new TypeError(`wamsg: ${message}`, cause === undefined ? undefined : { cause });
}

const run = guarded(engine.__wbg_reset_state);

function integer(value, name, min, max) {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw fail(`options.${name} must be an integer from ${min} to ${max}, got ${show(value)}`);
  }
  return value;
}

function oneOf(value, name, table) {
  if (typeof value !== 'string' || !Object.hasOwn(table, value)) {
    const allowed = Object.keys(table).map((k) => JSON.stringify(k)).join(', ');
    throw fail(`options.${name} must be one of ${allowed}, got ${show(value)}`);
  }
  return table[value];
}

function show(value) {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return describe(value);
}

// Checks an options argument: undefined, null or a plain object with only `allowed` keys.
function optionsObject(options, allowed) {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw fail(`options must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw fail(`unknown option ${JSON.stringify(key)}; known options: ${allowed.join(', ')}`);
    }
  }
  return options;
}

// Numeric engine arguments for a validation call.
function engineOptions(options) {
  if (options === undefined) {
    return [APIS.cloud, defaults.maxBytes, defaults.maxDepth, defaults.maxDiagnostics];
  }
  const api = options.api === undefined ? APIS.cloud : oneOf(options.api, 'api', APIS);
  const maxBytes = options.maxBytes === undefined ? defaults.maxBytes : integer(options.maxBytes, 'maxBytes', 1, U32_MAX - 1);
  const maxDepth = options.maxDepth === undefined ? defaults.maxDepth : integer(options.maxDepth, 'maxDepth', 1, U32_MAX);
  const maxDiagnostics =
    options.maxDiagnostics === undefined ? defaults.maxDiagnostics : integer(options.maxDiagnostics, 'maxDiagnostics', 1, U32_MAX);
  return [api, maxBytes, maxDepth, maxDiagnostics];
}

// Lone surrogates cannot cross into WebAssembly as UTF-8 (they would silently become U+FFFD).
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function wellFormed(text, what) {
  const ok = typeof text.isWellFormed === 'function' ? text.isWellFormed() : !LONE_SURROGATE.test(text);
  if (!ok) {
    const at = text.search(LONE_SURROGATE);
    const unit = text.charCodeAt(at).toString(16).toUpperCase();
    throw fail(
      `${what} contains a lone surrogate (U+${unit}) at UTF-16 offset ${at}; strings must be well-formed Unicode (see String.prototype.toWellFormed)`,
    );
  }
  return text;
}

// A string argument: its type, its size (checked before it is copied into WebAssembly memory:
// one UTF-16 unit is at least one UTF-8 byte, so a longer string cannot be within the limit)
// and well-formedness.
function text(value, what, maxBytes, limitName = 'options.maxBytes') {
  if (typeof value !== 'string') {
    throw fail(`${what} must be a string, got ${describe(value)}`);
  }
  if (value.length > maxBytes) {
    throw fail(`${what} is ${value.length} UTF-16 code units long, over the limit of ${maxBytes} bytes (${limitName})`);
  }
  return wellFormed(value, what);
}

// A document argument: JSON text, or an object that is turned into JSON text (diagnostics
// then refer to positions in `JSON.stringify(input)`).
function jsonText(input, what, maxBytes) {
  if (typeof input === 'string') return text(input, what, maxBytes);
  if (input === null || typeof input !== 'object') {
    throw fail(`${what} must be a string of JSON text or an object, got ${describe(input)}`);
  }
  let json;
  try {
    json = JSON.stringify(input);
  } catch (e) {
    throw fail(`${what} cannot be turned into JSON: ${e instanceof Error ? e.message : String(e)}`, e);
  }
  if (typeof json !== 'string') {
    throw fail(`${what} turned into no JSON at all (a toJSON method returned undefined?)`);
  }
  return text(json, what, maxBytes);
}

// The hot path takes its text through the engine's reused input buffer: `encodeInto` writes
// UTF-8 straight into WebAssembly memory (3 bytes per UTF-16 unit at most), no allocation.
const encoder = new TextEncoder();

function putInput(src) {
  const capacity = src.length * 3;
  const ptr = engine.input_buffer(capacity);
  // Read `memory` after the call: growing it replaces its buffer.
  const memory = engine.initSync().memory;
  return encoder.encodeInto(src, new Uint8Array(memory.buffer, ptr, capacity)).written;
}

const KIND_NAMES = [undefined, 'message', 'template', 'webhook'];

// A clean report comes back as its kind alone; anything else as JSON.
function runCheck(src, kind, [api, maxBytes, maxDepth, maxDiagnostics]) {
  const code = run(() => engine.check(putInput(src), kind, api, maxBytes, maxDepth, maxDiagnostics));
  if (code !== 0) return { valid: true, kind: KIND_NAMES[code], diagnostics: [] };
  return JSON.parse(engine.take_output());
}

function validate(input, options, kind, what) {
  const opts = optionsObject(options, VALIDATE_KEYS);
  const args = engineOptions(opts);
  const src = jsonText(input, what, args[1]);
  return runCheck(src, kind, args);
}

/** Validates an outbound message (JSON text or an object). */
export function validateMessage(input, options) {
  return validate(input, options, KINDS.message, 'message');
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
  const src = jsonText(input, 'input', args[1]);
  return runCheck(src, kind, args);
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

/** The lengths of a text: Unicode scalars (what limits count), UTF-16 units, graphemes, bytes. */
export function measure(value, options) {
  return JSON.parse(run(engine.measure, text(value, 'text', textLimit(options))));
}
