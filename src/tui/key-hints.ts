import type { View } from "./tab-bar.js";

/** The one-line reminder of a view's keys. */
export function keyHints(view: View, detail: boolean): string {
  switch (view) {
    case "Overview":
      return "m next chart · 1–6/Tab views · ? help · q quit";
    case "Areas":
      return detail ? "Esc back to the table · ? help · q quit" : "↑/↓ select · Enter charts · s sort · r reverse · ? help · q quit";
    case "Protocol":
      return "↑/↓ threshold · ←/→ change · t trigger · Space on/off · u undo · ? help · q quit";
    case "Interventions":
      return "←/→ intervention · ↑/↓ area · Space roll-out in/out · u undo · ? help · q quit";
    case "Scenario":
      return "↑/↓ select · Enter open · ←/→ change · w save as · u undo all · ? help · q quit";
    case "Goal":
      return "↑↓←→ choose · Enter search · Esc cancel · a apply · u undo all · ? help · q quit";
  }
}
