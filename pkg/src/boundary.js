// The boundary between JavaScript and the WebAssembly engines, shared by every entry of the
// package: argument and option checks (a thrown TypeError names what is wrong), objects to
// JSON text, oversized or malformed strings kept out of WebAssembly memory, and the calls
// into an engine. Every rule lives in the Rust core.

import { guarded } from './guard.js';

/** Default limits, the same as the Rust core's `Options::default()`. */
export const defaults = Object.freeze({
  api: 'cloud',
  maxBytes: 4 * 1024 * 1024,
  maxDepth: 64,
  maxDiagnostics: 1000,
});

export const KINDS = { auto: 0, message: 1, template: 2, webhook: 3 };
export const APIS = { cloud: 0, 'on-prem': 1 };
// Largest value a u32 parameter of the engine takes; the core clamps the byte limit further.
export const U32_MAX = 0xffff_ffff;

export const VALIDATE_KEYS = ['api', 'maxBytes', 'maxDepth', 'maxDiagnostics'];
const CHECK_KEYS = ['as', ...VALIDATE_KEYS];
const TEXT_KEYS = ['maxBytes'];
const RENDER_KEYS = ['template', 'localize', 'format', ...VALIDATE_KEYS];
const RENDER_FORMATS = { json: 0, html: 1, text: 2 };
const LOCALIZE = { fallback: 0, locale: 1 };
const WINDOW_KEYS = ['template', 'lastInbound', 'now', 'freeEntryPointUntil', ...VALIDATE_KEYS];

export function describe(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  const t = typeof value;
  return t === 'object' ? 'an object' : `a ${t}`;
}

export function fail(message, cause) {
  return new TypeError(`wamsg: ${message}`, cause === undefined ? undefined : { cause });
}

export function integer(value, name, min, max) {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw fail(`options.${name} must be an integer from ${min} to ${max}, got ${show(value)}`);
  }
  return value;
}

export function oneOf(value, name, table) {
  if (typeof value !== 'string' || !Object.hasOwn(table, value)) {
    const allowed = Object.keys(table).map((k) => JSON.stringify(k)).join(', ');
    throw fail(`options.${name} must be one of ${allowed}, got ${show(value)}`);
  }
  return table[value];
}

export function show(value) {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return describe(value);
}

// Checks an options argument: undefined, null or a plain object with only `allowed` keys.
export function optionsObject(options, allowed) {
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
export function engineOptions(options) {
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

export function wellFormed(text, what) {
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

// A string argument: its type and its size (checked before it is copied into WebAssembly
// memory: one UTF-16 unit is at least one UTF-8 byte, so a longer string cannot be within the
// limit). Its well-formedness is checked when it goes through the input buffer (`put`), or by
// `text`.
export function sized(value, what, maxBytes, limitName = 'options.maxBytes') {
  if (typeof value !== 'string') {
    throw fail(`${what} must be a string, got ${describe(value)}`);
  }
  if (value.length > maxBytes) {
    throw fail(`${what} is ${value.length} UTF-16 code units long, over the limit of ${maxBytes} bytes (${limitName})`);
  }
  return value;
}

// A string argument that is passed to the engine directly (not through the input buffer).
export function text(value, what, maxBytes, limitName = 'options.maxBytes') {
  return wellFormed(sized(value, what, maxBytes, limitName), what);
}

// A document argument passed to the engine directly: JSON text, or an object that is turned
// into JSON text (diagnostics then refer to positions in `JSON.stringify(input)`).
export function jsonText(input, what, maxBytes) {
  return typeof input === 'string' ? wellFormed(jsonInput(input, what, maxBytes), what) : jsonInput(input, what, maxBytes);
}

// A document argument for the input buffer, whose `put` checks well-formedness (the text of
// an object is always well-formed: `JSON.stringify` escapes lone surrogates).
export function jsonInput(input, what, maxBytes) {
  if (typeof input === 'string') return sized(input, what, maxBytes);
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
  return sized(json, what, maxBytes);
}

// The hot path takes its text through the engine's reused input buffer: `encodeInto` writes
// UTF-8 straight into WebAssembly memory (3 bytes per UTF-16 unit at most), no allocation.
const encoder = new TextEncoder();

/**
 * The calls every module's JavaScript makes to its WebAssembly engine (a wasm-bindgen glue
 * module): `run` (trap recovery, see guard.js), `put` (text into the input buffer, returns
 * its length in bytes; `what` names it in the TypeError for a lone surrogate) and `output`
 * (the JSON answer a call left behind).
 */
export function engineCalls(engine) {
  return {
    run: guarded(engine.__wbg_reset_state),
    put(src, what) {
      const capacity = src.length * 3;
      const ptr = engine.input_buffer(capacity);
      // Read `memory` after the call: growing it replaces its buffer.
      const memory = engine.initSync().memory;
      const written = encoder.encodeInto(src, new Uint8Array(memory.buffer, ptr, capacity)).written;
      // Lone surrogates must not cross as U+FFFD. `encodeInto` writes each as U+FFFD, so only
      // a text that is not ASCII (more bytes than units) and holds U+FFFD needs the check,
      // which costs ~0.6 ns per unit in Node 20 where the engine's search costs a tenth.
      if (written !== src.length && engine.input_has_replacement(written)) wellFormed(src, what);
      return written;
    },
    output: () => engine.take_output(),
  };
}
