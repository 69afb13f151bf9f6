import type { SummaryProtocolHistory } from "../../experiment/index.js";
import { protocolHistoryText } from "../protocol-history-text.js";
import { escapeHtml } from "./escape-html.js";

/** "Why hubs opened": for each area whose protocol moved in any replication, when and on what figures, in a sentence. */
export function protocolSection(history: readonly SummaryProtocolHistory[]): string {
  const moved = history.filter((h) => h.triggered !== undefined || h.opened !== undefined || h.closed !== undefined);
  const items = moved.map((h) => `<li>${escapeHtml(protocolHistoryText(h, h.triggerWeeks, h.trigger))}</li>`);
  const body = items.length === 0 ? "<p>No area's protocol was triggered in any replication.</p>" : `<ul class="protocol-history">${items.join("")}</ul>`;
  return `<section id="protocol-history"><h2>Why hubs opened</h2>
<p>Weeks are reporting weeks; the figures are medians across the replications in which it happened, as the protocol rule saw them when it first fired.</p>
${body}</section>`;
}
