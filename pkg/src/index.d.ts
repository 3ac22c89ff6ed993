// Types of the `wamsg` package, written by hand (wasm-bindgen's own output describes the
// internal engine, not this API). `pkg/test/types/usage.ts` is type-checked against them.

/** `"error"`: the platform rejects it. `"warning"`: accepted, but likely a mistake or
 * stricter sources disagree. */
export type Severity = 'error' | 'warning';

/** What kind of document was checked. */
export type DocumentKind = 'message' | 'template' | 'webhook';

/** One problem found in an input. Positions count UTF-16 code units, like JavaScript strings. */
export interface Diagnostic {
  severity: Severity;
  /** Stable code such as `"json.duplicate_key"` (catalogue: docs/codes.md). */
  code: string;
  /** RFC 6901 JSON Pointer of the offending value, `""` for the whole document. */
  path: string;
  /** 1-based line of the offending value in the input text. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  /** What is wrong and, where possible, how to fix it. */
  message: string;
  /** The Graph API error code the platform would answer with, when one is known. */
  metaError?: number;
  /** `[start, end)` of the offending value in the input text, in UTF-16 code units: `input.slice(start, end)`. */
  span: [number, number];
}

/** The result of a validation. For object input, positions refer to `JSON.stringify(input)`. */
export interface Report {
  /** True when there is no error (warnings allowed). */
  valid: boolean;
  kind: DocumentKind;
  /** Every problem found, ordered by position. */
  diagnostics: Diagnostic[];
}

/** Options of every validation function. */
export interface ValidateOptions {
  /** API flavour: `"cloud"` (default) or `"on-prem"` (the On-Premises API). */
  api?: 'cloud' | 'on-prem';
  /** Largest accepted input in UTF-8 bytes (default 4 MiB). Larger input gets a
   * `json.too_large` diagnostic, or a TypeError when it has more UTF-16 units than this. */
  maxBytes?: number;
  /** Deepest accepted nesting of arrays and objects (default 64). */
  maxDepth?: number;
  /** At most this many diagnostics (default 1000); a last warning says how many were left out. */
  maxDiagnostics?: number;
}

/** Options of {@link check}. */
export interface CheckOptions extends ValidateOptions {
  /** What to validate the input as; `"auto"` (default) tells by its shape. */
  as?: 'auto' | DocumentKind;
}

/** Options of the functions that take plain text. */
export interface TextOptions {
  /** Largest accepted text in UTF-16 code units (default 4 Mi); longer text is a TypeError. */
  maxBytes?: number;
}

/** A JSON document: its text, or a value that `JSON.stringify` turns into it. */
export type JsonInput = string | object;

/** The lengths of a text. */
export interface Measure {
  /** Unicode scalar values: what the platform's limits count. */
  scalars: number;
  /** UTF-16 code units: what `string.length` says. */
  utf16: number;
  /** Extended grapheme clusters: what a reader sees as characters. */
  graphemes: number;
  /** UTF-8 bytes. */
  bytes: number;
}

/** Default options, the same as the Rust core's. */
export declare const defaults: Readonly<{
  api: 'cloud';
  maxBytes: number;
  maxDepth: number;
  maxDiagnostics: number;
}>;

/**
 * Validates an outbound message (Cloud API by default): every problem at once.
 * @throws {TypeError} when `input` is neither a string nor an object, cannot be turned into
 * JSON (cycles, BigInt), is longer than `maxBytes` UTF-16 units, has lone surrogates, or
 * when an option is wrong.
 */
export declare function validateMessage(input: JsonInput, options?: MessageOptions): Report;

/** Options of {@link validateMessage}. */
export interface MessageOptions extends ValidateOptions {
  /** The template definition a template message uses (one, a `{ data: [...] }` list as the
   * Graph API returns it, or an array): the message is also checked against it (parameter
   * counts, formats and lengths, buttons, name and language). */
  template?: JsonInput;
}

/** Validates a template definition. Throws as {@link validateMessage}. */
export declare function validateTemplate(input: JsonInput, options?: ValidateOptions): Report;

/** Validates a webhook notification. Throws as {@link validateMessage}. */
export declare function validateWebhook(input: JsonInput, options?: ValidateOptions): Report;

/** Validates any document, as `options.as` says or as its shape tells. Throws as {@link validateMessage}. */
export declare function check(input: JsonInput, options?: CheckOptions): Report;

/** Measures a text three ways (for live counters). @throws {TypeError} for non-strings and lone surrogates. */
export declare function measure(text: string, options?: TextOptions): Measure;

/** A point in time: Unix seconds (an integer) or a Date. */
export type Time = number | Date;

/** Options of {@link assessWindow}. */
export interface WindowOptions extends ValidateOptions {
  /** The template definition a template message uses (for its billing category). */
  template?: JsonInput;
  /** When the user last wrote to the business; absent or null when never. */
  lastInbound?: Time | null;
  /** The moment to assess at (default: now). */
  now?: Time;
  /** End of a free entry point window (click-to-WhatsApp ad or page call-to-action), if open. */
  freeEntryPointUntil?: Time | null;
}

/** The 24-hour customer service window at the assessed moment (times in Unix seconds). */
export interface Window {
  open: boolean;
  openedAt?: number;
  closesAt?: number;
  remainingSeconds?: number;
}

/** What a message would be billed under. */
export interface Billing {
  /** `"PMP"`: per-message pricing; `"CBP"`: conversation-based (before 2025-07-01). */
  pricingModel: 'PMP' | 'CBP';
  billable: boolean;
  category?: 'marketing' | 'utility' | 'authentication';
  freeReason?: 'free_customer_service' | 'free_entry_point';
  /** One sentence for people. */
  explanation: string;
}

/** Whether a message may be sent now, and what it would cost. */
export interface Assessment {
  window: Window;
  sendable: boolean;
  /** Absent when the message cannot be sent. */
  billing?: Billing;
  /** Why it cannot be sent, and warnings (clock skew, unknown category). */
  diagnostics: Diagnostic[];
}

/**
 * Whether `message` may be sent at `options.now` under the customer service window rules,
 * and what it would cost. Throws as {@link validateMessage}, and for bad times.
 */
export declare function assessWindow(message: JsonInput, options?: WindowOptions): Assessment;

/**
 * Formats `amount1000 / 1000` units of an ISO 4217 currency in a template language's locale
 * (`"de"`, `"en_US"`, …), as a `currency` parameter renders with `localize: "locale"`: the
 * same text as `Intl.NumberFormat` gives for that locale.
 * @throws {RangeError} for an unknown language or currency, or an amount outside Meta's int32.
 * @throws {TypeError} for arguments of the wrong type.
 */
export declare function formatCurrency(language: string, amount1000: number, currency: string): string;

/** `date_time` components with Meta's field names; a payload's `date_time` object fits as is. */
export interface DateTimeParts {
  year?: number | null;
  month?: number | null;
  day_of_month?: number | null;
  /** 1 = Monday … 7 = Sunday; the date's own weekday is shown whatever is given. */
  day_of_week?: number | null;
  hour?: number | null;
  minute?: number | null;
  /** Only `"GREGORIAN"`. */
  calendar?: string | null;
  /** Ignored (accepted so that a payload's `date_time` object can be passed as is). */
  fallback_value?: string;
}

/**
 * Formats `date_time` components in a template language's locale.
 * @throws {RangeError} for an unknown language, another calendar, or invalid parts.
 */
export declare function formatDateTime(language: string, parts: DateTimeParts): string;

/** Formats the UTC time of a Unix timestamp (seconds, years 1 to 9999) in a template language's locale. */
export declare function formatTimestamp(language: string, unixSeconds: number): string;

/** The `Intl` locale tag whose CLDR data a template language is formatted with (`"prs_AF"` → `"fa-AF"`). */
export declare function intlLocale(language: string): string;

/** Options of {@link renderMessage}. */
export interface RenderOptions extends ValidateOptions {
  /** The template definition(s) for template messages: one definition, a `{ data: [...] }`
   * list as the Graph API returns it, or an array. */
  template?: JsonInput;
  /** `"fallback"` (default): currency and date_time parameters show their `fallback_value`,
   * as the Cloud API does; `"locale"`: formatted in the template's language. */
  localize?: 'fallback' | 'locale';
  /** `"json"` (default): the preview object; `"html"`: safe HTML; `"text"`: plain text. */
  format?: 'json' | 'html' | 'text';
}

/** A text part of a preview: the hydrated text, WhatsApp markup included, and its formatting
 * as WhatsApp shows it (spans are UTF-16 offsets into `text`). */
export interface TextBlock {
  text: string;
  ast: Root;
}

/** The header of a preview. */
export type PreviewHeader =
  | TextBlock
  | { media: 'image' | 'video' | 'gif' | 'document' | 'audio' | 'sticker'; link?: string; id?: string; filename?: string }
  | { location: { latitude?: number; longitude?: number; name?: string; address?: string } }
  | { product: { catalog_id?: string; product_retailer_id?: string } };

/** A button of a preview. */
export interface PreviewButton {
  /** `"quick_reply"`, `"url"`, `"phone_number"`, `"copy_code"`, `"otp"`, `"flow"`, `"catalog"`, … */
  kind: string;
  text: string;
  url?: string;
  phone_number?: string;
  payload?: string;
  code?: string;
}

/** The list of an interactive list message. */
export interface PreviewList {
  button: string;
  sections: { title?: string; rows: { id: string; title: string; description?: string }[] }[];
}

/** What the recipient sees. */
export interface Preview {
  header: PreviewHeader | null;
  body: TextBlock | null;
  footer: { text: string } | null;
  buttons: PreviewButton[];
  list?: PreviewList;
  /** The message's problems, including those against the template definition. */
  diagnostics: Diagnostic[];
}

/**
 * The preview of what the recipient of `message` sees; template messages are filled in
 * from `options.template`. Throws as {@link validateMessage}.
 */
export declare function renderMessage(message: JsonInput, options?: RenderOptions & { format?: 'json' }): Preview;
/** The preview rendered as safe HTML (`format: 'html'`) or as text (`format: 'text'`). */
export declare function renderMessage(message: JsonInput, options: RenderOptions & { format: 'html' | 'text' }): string;

/** Platform limits an editor counts against, in Unicode scalars. */
export interface Limits {
  /** A template's header text (and the hydrated header). */
  templateHeaderText: number;
  /** A template definition's body text. */
  templateBody: number;
  /** A template message's hydrated body. */
  templateSendBody: number;
  templateFooter: number;
  templateButtonText: number;
  /** A text message's body. */
  textBody: number;
  /** A media message's caption. */
  mediaCaption: number;
  interactiveHeaderText: number;
  interactiveBody: number;
  interactiveFooter: number;
  /** A reply button's title (interactive button messages). */
  replyButtonTitle: number;
}

/** The platform limits editors count against (the same frozen object on every call). */
export declare function limits(): Readonly<Limits>;

/** A `[start, end)` range in UTF-16 code units of the parsed text: `text.slice(start, end)`. */
export type Span = [number, number];

/** Inline nodes of the preview AST. */
export type Inline =
  | { type: 'text'; value: string; span: Span }
  | { type: 'bold' | 'italic' | 'strike'; children: Inline[]; span: Span }
  | { type: 'code' | 'mono'; value: string; span: Span }
  | { type: 'link'; url: string; children: Inline[]; span: Span }
  | { type: 'break'; span: Span };

/** Block nodes of the preview AST. */
export type Block =
  | { type: 'bulletList'; items: { marker: string; children: Inline[]; span: Span }[]; span: Span }
  | { type: 'orderedList'; items: { number: string; children: Inline[]; span: Span }[]; span: Span }
  | { type: 'quote'; marker: string; children: Inline[]; span: Span };

/** The preview AST of a WhatsApp-formatted text. */
export interface Root {
  type: 'root';
  children: (Inline | Block)[];
  span: Span;
}

/**
 * Parses WhatsApp markup (`*bold*` `_italic_` `~strike~` ```` ```mono``` ```` `` `code` ``,
 * lists, quotes, links) as WhatsApp's clients do. Spans index the text directly.
 * @throws {TypeError} for non-strings, lone surrogates, or text longer than `maxBytes`.
 */
export declare function parseFormatting(text: string, options?: TextOptions): Root;

/** WhatsApp markup as HTML; every character of the text is escaped, so it is safe to insert. Throws as {@link parseFormatting}. */
export declare function formatToHtml(text: string, options?: TextOptions): string;

/** WhatsApp markup as plain text, as a notification shows it. Throws as {@link parseFormatting}. */
export declare function formatToText(text: string, options?: TextOptions): string;

/**
 * Markdown (CommonMark) converted to WhatsApp markup; the same function as the `wamsg/markdown`
 * entry's. Its engine is a second WebAssembly module: browsers fetch it with the main one,
 * Node.js compiles it on the first call. Throws a TypeError for non-strings, lone surrogates
 * or text longer than `maxBytes`.
 */
export declare function markdownToWhatsApp(markdown: string, options?: TextOptions): string;
