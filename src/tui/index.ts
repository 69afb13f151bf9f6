export { App, type AppProps, type Appraiser } from "./app.js";
export type { CatalogEntry } from "./scenario-view.js";
export type { ForecastRunner } from "./use-live-forecast.js";
export type { Seeker } from "./use-live-seek.js";
