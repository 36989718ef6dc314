/** The parts of an OpenAPI 3.1 document the reference page reads. */
interface OpenApiDoc {
  info: { title: string; version: string };
  paths?: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface OpenApiOperation {
  summary?: string;
  description?: string;
  tags?: string[];
  operationId?: string;
  'x-roles'?: string[];
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
}

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function resolve(doc: OpenApiDoc, s: JsonSchema | undefined): JsonSchema | undefined {
  if (!s?.$ref) return s;
  return doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')];
}

/** A schema in a few words: `string (date)`, `one of a, b`, `array of object`. */
function typeOf(doc: OpenApiDoc, raw: JsonSchema | undefined, depth = 0): string {
  const s = resolve(doc, raw);
  if (!s) return 'any';
  if (s.enum) return `one of ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (s.const !== undefined) return JSON.stringify(s.const);
  const alts = s.anyOf ?? s.oneOf;
  if (alts && depth < 3) return alts.map((a) => typeOf(doc, a, depth + 1)).join(' or ');
  const t = Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'any');
  if (t === 'array') return `array of ${depth < 3 ? typeOf(doc, s.items, depth + 1) : 'any'}`;
  const extra = [s.format, s.pattern ? `pattern ${s.pattern}` : undefined, s.minimum !== undefined ? `≥ ${s.minimum}` : undefined, s.maximum !== undefined ? `≤ ${s.maximum}` : undefined].filter(
    Boolean,
  );
  return extra.length ? `${t} (${extra.join(', ')})` : t;
}

/** The fields of a body schema, nested objects as dotted names (two levels). */
function fieldsOf(doc: OpenApiDoc, raw: JsonSchema | undefined, prefix = '', depth = 0): Array<{ name: string; type: string; required: boolean; description: string }> {
  const s = resolve(doc, raw);
  if (!s?.properties) return [];
  const out: Array<{ name: string; type: string; required: boolean; description: string }> = [];
  for (const [name, field] of Object.entries(s.properties)) {
    const f = resolve(doc, field);
    out.push({ name: `${prefix}${name}`, type: typeOf(doc, field), required: s.required?.includes(name) ?? false, description: f?.description ?? '' });
    if (f?.properties && depth < 1) out.push(...fieldsOf(doc, f, `${prefix}${name}.`, depth + 1));
  }
  return out;
}

function table(head: string[], rows: string[][]): string {
  if (rows.length === 0) return '';
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function renderOperation(doc: OpenApiDoc, method: string, path: string, op: OpenApiOperation): string {
  const id = `${method}-${path}`.replace(/[^A-Za-z0-9-]/g, '-');
  const params = (op.parameters ?? []).map((p) => [
    `<code>${escapeHtml(p.name)}</code>`,
    escapeHtml(p.in),
    p.required ? 'yes' : 'no',
    escapeHtml(typeOf(doc, p.schema)),
    escapeHtml(p.description ?? p.schema?.description ?? ''),
  ]);
  const content = op.requestBody?.content ?? {};
  const bodyType = Object.keys(content)[0];
  const body = bodyType ? fieldsOf(doc, content[bodyType]?.schema) : [];
  const responses = Object.entries(op.responses ?? {}).map(([code, r]) => [escapeHtml(code), escapeHtml(r.description ?? ''), escapeHtml(Object.keys(r.content ?? {}).join(', '))]);
  return [
    `<section id="${escapeHtml(id)}"><h3><span class="m ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h3>`,
    `<p>${escapeHtml(op.summary ?? '')}</p>`,
    `<p class="meta">Roles: ${escapeHtml((op['x-roles'] ?? []).join(', ') || 'none')}${op.operationId ? ` · operation <code>${escapeHtml(op.operationId)}</code>` : ''}</p>`,
    params.length ? `<h4>Parameters</h4>${table(['name', 'in', 'required', 'type', 'description'], params)}` : '',
    bodyType
      ? `<h4>Body (${escapeHtml(bodyType)})</h4>${
          body.length
            ? table(
                ['field', 'required', 'type', 'description'],
                body.map((f) => [`<code>${escapeHtml(f.name)}</code>`, f.required ? 'yes' : 'no', escapeHtml(f.type), escapeHtml(f.description)]),
              )
            : '<p>the raw request body</p>'
        }`
      : '',
    `<h4>Responses</h4>${table(['status', 'meaning', 'content'], responses)}`,
    '</section>',
  ].join('\n');
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}
code{font-family:ui-monospace,monospace;font-size:.92em}table{border-collapse:collapse;margin:.3rem 0 1rem;width:100%}
th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f5f5f5}
section{border-top:1px solid #ccc;padding-top:.5rem;margin-top:1.5rem}.meta{color:#555}
.m{display:inline-block;min-width:4.2rem;font-weight:600}.get{color:#06c}.post{color:#080}.put,.patch{color:#a60}.delete{color:#c00}
nav li{list-style:none}nav ul{padding-left:1rem}`;

/**
 * The API reference as one self-contained HTML page, built from the OpenAPI document: every route
 * with its method, path, summary, roles, parameters and body fields. No script, no CDN; every text
 * from the document is escaped.
 */
export function renderApiDocs(doc: OpenApiDoc): string {
  const ops: Array<{ method: string; path: string; op: OpenApiOperation; tag: string }> = [];
  for (const [path, item] of Object.entries(doc.paths ?? {}))
    for (const method of METHODS) {
      const op = item[method];
      if (op) ops.push({ method, path, op, tag: op.tags?.[0] ?? 'other' });
    }
  const tags = [...new Set(ops.map((o) => o.tag))].sort();
  const nav = tags
    .map((t) => {
      const links = ops
        .filter((o) => o.tag === t)
        .map((o) => `<li><a href="#${escapeHtml(`${o.method}-${o.path}`.replace(/[^A-Za-z0-9-]/g, '-'))}">${escapeHtml(o.method.toUpperCase())} ${escapeHtml(o.path)}</a></li>`);
      return `<li>${escapeHtml(t)}<ul>${links.join('')}</ul></li>`;
    })
    .join('');
  const body = tags
    .map(
      (t) =>
        `<h2>${escapeHtml(t)}</h2>\n${ops
          .filter((o) => o.tag === t)
          .map((o) => renderOperation(doc, o.method, o.path, o.op))
          .join('\n')}`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(doc.info.title)} reference</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(doc.info.title)} <small>v${escapeHtml(doc.info.version)}</small></h1>
<p>Send <code>Authorization: Bearer &lt;token&gt;</code> on every <code>/api/v1</code> route (<code>switchboard users token create &lt;user&gt;</code>).
Errors are <code>{"error": {"code", "message", "requestId"}}</code>. The machine-readable document: <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<nav><ul>${nav}</ul></nav>
${body}
</body></html>
`;
}
