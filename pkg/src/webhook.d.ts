// Types of the `wamsg/webhook` entry, written by hand.

import type { JsonInput, Report, ValidateOptions } from './index.js';

/** A webhook notification, validated and read. */
export interface WebhookRead extends Report {
  /** The typed notification (Meta's field names), for a valid document; else null. */
  notification: Record<string, unknown> | null;
  /** The delivery state per message that the notification's statuses fold to, when it has
   * statuses: `states` (id, status, timestamps, pricing, conversation, …) and `ignored`. */
  reduced?: { states: Record<string, unknown>[]; ignored: Record<string, unknown>[] };
}

/**
 * Validates and reads a webhook notification: the report, the typed notification and the
 * delivery state its statuses fold to. Throws a TypeError for bad arguments, as `validateMessage` of the main entry does.
 */
export declare function parseWebhook(input: JsonInput, options?: ValidateOptions): WebhookRead;
