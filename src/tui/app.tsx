import { Box, Text, useApp, useInput } from "ink";
import { useEffect, useMemo, useReducer, useRef } from "react";
import { declaredNames, PLUS, runPlan, whereOf, type LiveAppraisal, type LiveSnapshot, type RunPlan } from "../experiment/index.js";
import type { Scenario } from "../model/index.js";
import { InterventionsView } from "./interventions-view.js";
import { cached, useLiveRun } from "./use-live-run.js";
import { AreaDetail } from "./area-detail.js";
import { AreasView } from "./areas-view.js";
import { Block } from "./block.js";
import { GoalView } from "./goal-view.js";
import { HelpView } from "./help-view.js";
import { keyHints } from "./key-hints.js";
import { OverviewView } from "./overview-view.js";
import { ProtocolView } from "./protocol-view.js";
import { ScenarioView, type CatalogEntry } from "./scenario-view.js";
import { StatusLine } from "./status-line.js";
import { TabBar } from "./tab-bar.js";
import { initialUiState, onAction } from "./ui-state.js";
import { PaintContext, painter } from "./theme.js";
import { scenarioKey, useLiveForecast, type ForecastCache, type ForecastRunner } from "./use-live-forecast.js";
import { useLiveSeek, type Seeker } from "./use-live-seek.js";
import { useTerminalSize } from "./use-terminal-size.js";
import { areaRows, sortAreaRows } from "./view-model.js";

/** Appraises a scenario's roll-out of one declared intervention against do-nothing, pair by pair, until done or aborted. */
export type Appraiser = (scenario: Scenario, plan: RunPlan, signal: AbortSignal, intervention: string) => AsyncIterable<LiveAppraisal>;

/** What the TUI needs from outside: ways to run forecasts, appraisals and searches, scenario files, saving, a clock. */
export interface AppProps {
  readonly runner: ForecastRunner;
  readonly appraiser: Appraiser;
  /** Runs the Goal view's searches (the CLI on the same workers as the forecasts). */
  readonly seeker: Seeker;
  readonly catalog: readonly CatalogEntry[];
  readonly initial: CatalogEntry;
  /** Writes a scenario to a file (validated, atomic) and says what it did; rejects with a reason. */
  readonly save: (file: string, scenario: Scenario) => Promise<string>;
  /** Milliseconds from some fixed point (performance.now in the CLI). */
  readonly clock: () => number;
  /** Colour level: 0 none (NO_COLOR, tests), 1 basic, 2 256 colours, 3 true colour. */
  readonly colour: 0 | 1 | 2 | 3;
  /** Fixed size (tests); else the terminal's. */
  readonly size?: { readonly columns: number; readonly rows: number };
}

/** hubsim's interactive what-if workbench. */
export function App(props: AppProps) {
  const { exit } = useApp();
  const terminal = useTerminalSize();
  const { columns: width, rows } = props.size ?? terminal;
  const cache = useRef<ForecastCache>(new Map()).current;
  const [ui, dispatch] = useReducer(onAction(props.catalog), props.initial, initialUiState);
  const { view, help, scenario, loaded, message, prompt, sort, reverse, detail } = ui;
  // The table's order goes with each key, so arrows move through the rows as drawn.
  const order = useRef<readonly number[]>([]);
  useInput((input, key) => dispatch({ kind: "key", input, key, order: order.current }));
  useEffect(() => {
    if (ui.quit) exit();
  }, [ui.quit, exit]);
  const save = ui.save;
  useEffect(() => {
    if (save === undefined) return;
    props.save(save.file, save.scenario).then(
      (text) => dispatch({ kind: "message", text }),
      (error: unknown) => dispatch({ kind: "message", text: `Not saved: ${error instanceof Error ? error.message : String(error)}` }),
    );
  }, [save]);
  const run = useLiveForecast(props.runner, scenario, props.clock, cache);
  useLiveSeek(props.seeker, ui.search, props.clock, dispatch);
  const appraisals = useRef(new Map<string, LiveAppraisal>()).current;
  // The appraisal runs while its view is open: two arms per replication would otherwise halve the forecast's speed.
  const intervention = declaredNames(scenario).includes(ui.intervention) ? ui.intervention : PLUS;
  const appraisalKey = view === "Interventions" && whereOf(scenario, intervention).rollout.areas.length > 0 ? `${intervention} ${scenarioKey(scenario)}` : undefined;
  const plan = runPlan(scenario);
  const appraisal = useLiveRun((signal) => props.appraiser(scenario, plan, signal, intervention), appraisalKey, props.clock, appraisals);
  const snapshot = run.snapshot;
  const rowsSorted = useMemo(() => (snapshot === undefined || view !== "Areas" ? [] : sortAreaRows(areaRows(snapshot.forecast), sort, reverse)), [snapshot, sort, reverse, view]);
  const paint = useMemo(() => painter(props.colour), [props.colour]);
  order.current = rowsSorted.map((r) => r.index);
  const selectedArea = Math.min(ui.selectedArea, scenario.areas.length - 1);
  const edited = scenarioKey(scenario) !== scenarioKey(loaded.scenario);
  // The loaded scenario's forecast for the Protocol view's comparison: finished if it ever
  // finished, else as far as it got before the first edit cancelled it.
  const loadedKey = scenarioKey(loaded.scenario), lastOfLoaded = useRef<{ key: string; snapshot: LiveSnapshot } | undefined>(undefined);
  if (!edited && !run.stale && snapshot !== undefined && snapshot.done > 0) lastOfLoaded.current = { key: loadedKey, snapshot };
  const partialLoaded = lastOfLoaded.current?.key === loadedKey ? lastOfLoaded.current.snapshot : undefined;
  const loadedSnapshot = cached(cache, loadedKey) ?? (edited ? partialLoaded : snapshot);
  const height = Math.max(8, rows - 4);

  const body = (() => {
    if (help) return <HelpView width={width} />;
    if (view === "Scenario") {
      return <ScenarioView catalog={props.catalog} scenario={scenario} loadedFile={loaded.file} edited={edited} selected={ui.scenarioCursor} staffing={ui.staffing} prompt={prompt} message={message} width={width} height={height} />;
    }
    if (view === "Goal") return <GoalView scenario={scenario} draft={ui.goal} cursor={ui.goalCursor} search={ui.search} message={message} width={width} height={height} />;
    if (view === "Interventions") return <InterventionsView scenario={scenario} intervention={intervention} run={appraisal} selected={ui.plusCursor} message={message} width={width} height={height} />;
    if (view === "Protocol") return <ProtocolView scenario={scenario} loaded={loadedSnapshot} now={run.stale ? undefined : snapshot} chart={snapshot} selected={ui.protocolCursor} message={message} width={width} height={height} />;
    if (snapshot === undefined) return <Text>Simulating the first weeks…</Text>;
    if (view === "Areas") {
      return detail
        ? <AreaDetail snapshot={snapshot} area={selectedArea} width={width} height={height} />
        : <AreasView rows={rowsSorted} selected={Math.max(0, rowsSorted.findIndex((r) => r.index === selectedArea))} sort={sort} reverse={reverse} width={width} height={height} />;
    }
    return <OverviewView snapshot={snapshot} width={width} height={height} metricIndex={ui.metricIndex} />;
  })();

  const s = scenario;
  const title = `${paint.bold(s.name)}${edited ? paint.yellow(" (edited)") : ""} · ${s.horizonWeeks} weeks from ${s.startDate} · ${s.areas.length} areas · ${s.run.replications} replications · seed ${s.run.seed}`;
  return (
    <PaintContext.Provider value={paint}>
      <Box flexDirection="column" width={width}>
        <TabBar view={help ? undefined : view} width={width} />
        <Block lines={[title]} width={width} />
        <Box flexDirection="column" height={height}>{body}</Box>
        <StatusLine run={run} />
        <Block lines={[paint.dim(help ? "? or Esc closes help · q quit" : keyHints(view, detail))]} width={width} />
      </Box>
    </PaintContext.Provider>
  );
}
