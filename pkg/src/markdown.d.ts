// Types of the `wamsg/markdown` entry, written by hand.

import type { TextOptions } from './index.js';

/** Markdown (CommonMark) converted to WhatsApp markup. Throws a TypeError for non-strings, lone surrogates or text longer than `maxBytes`. */
export declare function markdownToWhatsApp(markdown: string, options?: TextOptions): string;
