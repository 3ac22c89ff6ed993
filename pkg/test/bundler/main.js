// An application that imports the package by name, built by a bundler (Vite) in the browser
// test: the bundler must keep the engine's initialization and emit the .wasm asset.
import { validateMessage, check, measure, formatToHtml } from 'wamsg';
import { markdownToWhatsApp } from 'wamsg/markdown';

const report = validateMessage('{"text": {"body": "hi"}, "text": 1}');
document.getElementById('out').textContent = JSON.stringify({
  duplicate: report.diagnostics.find((d) => d.code === 'json.duplicate_key')?.span,
  kind: check('{"object": "whatsapp_business_account"}').kind,
  measure: measure('👍🏽'),
  html: formatToHtml('*a<b*'),
  markdown: markdownToWhatsApp('**bold**'),
});
