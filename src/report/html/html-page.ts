import { escapeHtml } from "./escape-html.js";

/** The one stylesheet every hubsim page uses. */
export const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd}table{border-collapse:collapse;margin:1rem 0;font-size:.85rem}
td,th{border-bottom:1px solid #e6e6e6;padding:.25rem .6rem;text-align:left}td.num,th.num{text-align:right}td.num{white-space:nowrap}th{vertical-align:bottom}
.grid{display:flex;flex-wrap:wrap;gap:.5rem}.observed{fill:#d62728}dt{font-weight:bold;margin-top:.6rem}
.legend span{display:inline-block;width:1.2em;height:.8em;margin:0 .3em 0 1em;vertical-align:middle}
tr.frontier td,tr.total td{font-weight:bold}.significant{color:#b00}pre{white-space:pre-wrap}`;

/** A complete self-contained HTML page around the given body. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${body}
</body></html>
`;
}

/** An HTML table from a header and rows of already-formatted cells (escaped here); `numeric` marks right-aligned columns. */
export function htmlTable(className: string, header: readonly string[], rows: readonly (readonly string[])[], numeric: (column: number) => boolean, rowClass?: (row: number) => string): string {
  const th = header.map((h, i) => `<th${numeric(i) ? ' class="num"' : ""}>${escapeHtml(h)}</th>`).join("");
  const body = rows.map((r, j) => `<tr${rowClass?.(j) ? ` class="${rowClass(j)}"` : ""}>${r.map((c, i) => `<td${numeric(i) ? ' class="num"' : ""}>${escapeHtml(c)}</td>`).join("")}</tr>`).join("");
  return `<table class="${className}"><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}
