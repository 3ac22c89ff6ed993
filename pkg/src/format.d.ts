// Types of the `wamsg/format` entry, written by hand.

import type { TextOptions } from './index.js';

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

/** Markdown (CommonMark) converted to WhatsApp markup. Throws as {@link parseFormatting}. */
export declare function markdownToWhatsApp(markdown: string, options?: TextOptions): string;
