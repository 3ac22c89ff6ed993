// Type-checked in CI (`npm run typecheck`) against the package's shipped types: every public
// function used the way the README shows, and misuse that must not compile marked with
// expect-error comments (tsc fails if such a line compiles after all).

import {
  check,
  defaults,
  measure,
  validateMessage,
  validateTemplate,
  validateWebhook,
  type Diagnostic,
  type Report,
  type Measure,
  assessWindow,
  formatCurrency,
  formatDateTime,
  formatTimestamp,
  intlLocale,
  type Assessment,
  renderMessage,
  limits,
  type Preview,
  parseFormatting,
  formatToHtml,
  formatToText,
  type Root,
  type Inline,
  markdownToWhatsApp as markdownFromRoot,
} from 'wamsg';
import { parseWebhook, type WebhookRead } from 'wamsg/webhook';
import { markdownToWhatsApp } from 'wamsg/markdown';

const report: Report = validateMessage('{"messaging_product":"whatsapp"}', { api: 'cloud', maxDiagnostics: 50 });
const ok: boolean = report.valid;
for (const d of report.diagnostics) {
  const where: string = `${d.path} ${d.line}:${d.column}`;
  const [start, end]: [number, number] = d.span;
  const meta: number | undefined = d.metaError;
  const severity: 'error' | 'warning' = d.severity;
  void [where, start, end, meta, severity];
}
validateTemplate({ name: 'order_update', language: 'en_US', category: 'UTILITY', components: [] });
validateWebhook({ object: 'whatsapp_business_account', entry: [] }, { maxBytes: 1 << 20, maxDepth: 32 });
const kind: 'message' | 'template' | 'webhook' = check('{}', { as: 'auto' }).kind;
const m: Measure = measure('👍🏽', { maxBytes: 4096 });
const counts: number = m.scalars + m.utf16 + m.graphemes + m.bytes;
const limit: number = defaults.maxBytes;
const first: Diagnostic | undefined = report.diagnostics[0];
void [ok, kind, counts, limit, first];

const a: Assessment = assessWindow('{}', { lastInbound: new Date(), now: 1_800_000_000, template: { category: 'UTILITY' } });
const sendable: boolean = a.sendable;
const billable: boolean | undefined = a.billing?.billable;
const price: string = formatCurrency('en_US', 100_990, 'USD');
const when: string = formatDateTime('de', { year: 2026, month: 5, day_of_month: 2, fallback_value: 'May 2' });
const epoch: string = formatTimestamp('pt_BR', 1_700_000_000);
const tag: string = intlLocale('prs_AF');
void [sendable, billable, price, when, epoch, tag];

const preview: Preview = renderMessage('{}', { template: { name: 't' }, localize: 'locale' });
const header = preview.header;
const headerText: string | undefined = header && 'text' in header ? header.text : undefined;
const html: string = renderMessage('{}', { format: 'html' });
const buttonTexts: string[] = preview.buttons.map((b) => b.text);
const bodyLimit: number = limits().templateSendBody;
const sendReport: Report = validateMessage('{}', { template: '{"name":"t"}' });
const read: WebhookRead = parseWebhook({ object: 'whatsapp_business_account', entry: [] }, { api: 'on-prem' });
const states = read.reduced?.states.length ?? 0;
void [headerText, html, buttonTexts, bodyLimit, sendReport, read.notification, states];

const ast: Root = parseFormatting('*hi* _there_');
const firstSpan: [number, number] | undefined = ast.children[0]?.span;
const bolds: Inline[] = ast.children.flatMap((n) => (n.type === 'bold' ? n.children : []));
const safe: string = formatToHtml('*a<b*', { maxBytes: 4096 });
const plain: string = formatToText('*a*');
const markup: string = markdownToWhatsApp('**bold**');
// The root entry has it too (DESIGN.md's API), with the same options.
const rootMarkup: string = markdownFromRoot('**bold** and *em*', { maxBytes: 4096 });
void [firstSpan, bolds, safe, plain, markup, rootMarkup];
// @ts-expect-error: Markdown is text, not an object
markdownFromRoot({ markdown: '**bold**' });

// @ts-expect-error: the API flavour is a closed set
validateMessage('{}', { api: 'onprem' });
// @ts-expect-error: unknown option
validateMessage('{}', { maxbytes: 10 });
// @ts-expect-error: numbers are not documents
validateMessage(42);
// @ts-expect-error: `as` only on check()
validateMessage('{}', { as: 'message' });
// @ts-expect-error: Meta's field names, not camelCase
formatDateTime('de', { dayOfMonth: 2 });
// @ts-expect-error: amounts are numbers
formatCurrency('de', '1000', 'EUR');
// @ts-expect-error: an HTML rendering is a string, not a Preview
const notPreview: Preview = renderMessage('{}', { format: 'html' });
void notPreview;
// @ts-expect-error: limits is a function
const notLimits: number = limits.templateBody;
void notLimits;
// @ts-expect-error: node types are a closed set
const notANode: Root = { type: 'root', span: [0, 0], children: [{ type: 'underline', span: [0, 1] }] };
void notANode;
// @ts-expect-error: measure takes text only
measure({ text: 'x' });
// @ts-expect-error: reports are not writable into other kinds
const wrong: 'sms' = check('{}').kind;
void wrong;
