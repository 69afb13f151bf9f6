import { render } from "ink-testing-library";
import { DEFAULT_APPRAISAL_YEARS, inProcessExecutor, liveAppraisal, liveForecast, seek } from "../../src/experiment/index.js";
import type { Scenario } from "../../src/model/index.js";
import { App, type Appraiser, type CatalogEntry, type ForecastRunner, type Seeker } from "../../src/tui/index.js";
import { smallScenario } from "../helpers/small-scenario.js";

/** Replications run in this thread, one after another. */
export const inProcessRunner: ForecastRunner = (scenario, plan, signal) => liveForecast(scenario, plan, inProcessExecutor(), signal);

/** Appraisals run in this thread. */
export const inProcessAppraiser: Appraiser = (scenario, plan, signal, intervention) => liveAppraisal(scenario, plan, inProcessExecutor(), signal, { interventions: [intervention], appraisalYears: DEFAULT_APPRAISAL_YEARS });

/** Searches run in this thread. */
export const inProcessSeeker: Seeker = (base, spec, plan, signal) => seek(base, spec, plan, inProcessExecutor(), signal);

/** The small two-area scenario, 26 weeks, 4 replications: quick and with a hub that opens. */
export function tuiScenario(change: (s: Scenario) => Scenario = (s) => s): Scenario {
  const s = smallScenario((input) => {
    input.horizonWeeks = 26;
    input.run = { replications: 4, seed: 7 };
  });
  return change(s);
}

/** Renders the app at 80×24 on the small scenario; `saved` collects what the save prop was given. */
export function renderApp(options: { readonly runner?: ForecastRunner; readonly seeker?: Seeker; readonly size?: { columns: number; rows: number }; readonly scenario?: Scenario } = {}) {
  const initial: CatalogEntry = { file: "scenarios/small.json", scenario: options.scenario ?? tuiScenario() };
  const other: CatalogEntry = { file: "scenarios/other.json", scenario: { ...tuiScenario(), name: "other", horizonWeeks: 13 } };
  const saved: { file: string; scenario: Scenario }[] = [];
  const app = render(
    <App
      runner={options.runner ?? inProcessRunner}
      appraiser={inProcessAppraiser}
      seeker={options.seeker ?? inProcessSeeker}
      catalog={[initial, other]}
      initial={initial}
      save={(file, scenario) => {
        saved.push({ file, scenario });
        return Promise.resolve(`Saved ${file}`);
      }}
      clock={() => 0}
      colour={0}
      size={options.size ?? { columns: 80, rows: 24 }}
    />,
  );
  return { ...app, saved };
}

/** Lets pending promises and React updates run. */
export const settle = (ms = 20): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
