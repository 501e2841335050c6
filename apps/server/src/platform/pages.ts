import type { TLocale } from '@kontor/contracts';
import type { TEngine } from './db';
import { messages } from './i18n';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b2430}
code,pre{background:#f2f4f7;border-radius:4px;padding:.1rem .3rem}pre{padding:.8rem;overflow:auto}
h1{color:#0b4f6c}a{color:#0b4f6c}.m{font-weight:700;text-transform:uppercase;display:inline-block;width:4.5rem}
.perm{color:#6b4e16;font-size:.9em}section{border-top:1px solid #dde3ea;padding:.4rem 0}`;

/** The start page until the web app exists: what runs here and how to create the first firm. */
export function homePage(locale: TLocale, engine: TEngine): string {
  const t = messages(locale).home;
  const engineName = engine === 'pglite' ? 'PGlite (embedded PostgreSQL)' : 'PostgreSQL';
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Kontor</title><style>${STYLE}</style></head><body>
<h1>${esc(t.title)}</h1><p>${esc(t.running(engineName))}</p>
<p>${esc(t.firstFirm)}</p>
<pre>npx kontor tenant create --slug acme --name "Acme Finanz GmbH" \\
  --admin-email boss@acme.test --admin-password 'choose-a-long-one'</pre>
<p><a href="/api/docs">${esc(t.apiDocs)}</a> · <a href="/api/v1/openapi.json">OpenAPI</a> · <a href="/api/v1/health">${esc(t.health)}</a></p>
</body></html>`;
}

type TOperation = {
  summary?: string;
  tags?: string[];
  'x-permission'?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
};

/** A readable API reference rendered from the OpenAPI document, with no script from elsewhere. */
export function apiReferencePage(doc: {
  info: { title: string; version: string };
  paths?: Record<string, Record<string, TOperation>>;
  components?: unknown;
}): string {
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<li><code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ', required' : ''})${p.description ? ` ${esc(p.description)}` : ''}</li>`,
        )
        .join('');
      const body = op.requestBody?.content?.['application/json']?.schema;
      const responses = Object.entries(op.responses ?? {})
        .map(([code, r]) => `<li><code>${esc(code)}</code> ${esc(r.description ?? '')}</li>`)
        .join('');
      const html = `<section><p><span class="m">${esc(method)}</span> <code>/api/v1${esc(path)}</code> ${esc(op.summary ?? '')}
<br><span class="perm">permission: ${esc(op['x-permission'] ?? 'n/a')}</span></p>
${params ? `<ul>${params}</ul>` : ''}${body ? `<details><summary>request body</summary><pre>${esc(JSON.stringify(body, null, 2))}</pre></details>` : ''}
<ul>${responses}</ul></section>`;
      const tag = op.tags?.[0] ?? 'Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2>${esc(tag)}</h2>${ops.join('')}`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.info.title)} API</title><style>${STYLE}</style></head><body>
<h1>${esc(doc.info.title)} API ${esc(doc.info.version)}</h1>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. Errors are <code>application/problem+json</code>.
Sign in with a session cookie (send <code>X-CSRF-Token</code> on writes) or <code>Authorization: Bearer ktr_…</code>.</p>
${sections}<details><summary>schemas</summary><pre>${esc(JSON.stringify(doc.components ?? {}, null, 2))}</pre></details></body></html>`;
}
