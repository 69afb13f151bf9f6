import { Box, Text, useApp, useInput } from "ink";
import { useMemo, useRef, useState } from "react";
import type { Scenario } from "../model/index.js";
import { AreaDetail } from "./area-detail.js";
import { AreasView } from "./areas-view.js";
import { HelpView } from "./help-view.js";
import { keyHints } from "./key-hints.js";
import { moveLever, PROTOCOL_LEVERS, SCENARIO_LEVERS, type Lever } from "./levers.js";
import { OVERVIEW_METRICS, OverviewView } from "./overview-view.js";
import { ProtocolView } from "./protocol-view.js";
import { ScenarioView, type CatalogEntry } from "./scenario-view.js";
import { StatusLine } from "./status-line.js";
import { TabBar, VIEWS, type View } from "./tab-bar.js";
import { ColourContext, Paint } from "./theme.js";
import { scenarioKey, useLiveForecast, type ForecastCache, type ForecastRunner } from "./use-live-forecast.js";
import { useTerminalSize } from "./use-terminal-size.js";
import { AREA_SORTS, areaRows, sortAreaRows, type AreaSort } from "./view-model.js";

/** What the TUI needs from outside: a way to run forecasts, scenario files, saving, a clock. */
export interface AppProps {
  readonly runner: ForecastRunner;
  readonly catalog: readonly CatalogEntry[];
  readonly initial: CatalogEntry;
  /** Writes a scenario to a file (validated, atomic) and says what it did; rejects with a reason. */
  readonly save: (file: string, scenario: Scenario) => Promise<string>;
  /** Milliseconds from some fixed point (performance.now in the CLI). */
  readonly clock: () => number;
  readonly colour: boolean;
  /** Fixed size (tests); else the terminal's. */
  readonly size?: { readonly columns: number; readonly rows: number };
}

/** hubsim's interactive what-if workbench. */
export function App(props: AppProps) {
  const { exit } = useApp();
  const terminal = useTerminalSize();
  const { columns: width, rows } = props.size ?? terminal;
  const cache = useRef<ForecastCache>(new Map()).current;
  const [view, setView] = useState<View>("Overview");
  const [help, setHelp] = useState(false);
  const [loaded, setLoaded] = useState<CatalogEntry>(props.initial);
  const [scenario, setScenario] = useState<Scenario>(props.initial.scenario);
  const [metricIndex, setMetricIndex] = useState(0);
  const [areaCursor, setAreaCursor] = useState(0);
  const [sort, setSort] = useState<AreaSort>("name");
  const [reverse, setReverse] = useState(false);
  const [detail, setDetail] = useState(false);
  const [protocolCursor, setProtocolCursor] = useState(1);
  const [scenarioCursor, setScenarioCursor] = useState(0);
  const [message, setMessage] = useState<string | undefined>();
  const [prompt, setPrompt] = useState<string | undefined>();
  const run = useLiveForecast(props.runner, scenario, props.clock, cache);
  const snapshot = run.snapshot;
  const rowsSorted = useMemo(() => (snapshot === undefined ? [] : sortAreaRows(areaRows(snapshot.forecast), sort, reverse)), [snapshot, sort, reverse]);
  const edited = scenarioKey(scenario) !== scenarioKey(loaded.scenario);
  const loadedSnapshot = cache.get(scenarioKey(loaded.scenario)) ?? (edited ? undefined : snapshot);
  const height = Math.max(8, rows - 4);

  const move = (lever: Lever, direction: 1 | -1): void => {
    const next = moveLever(scenario, lever, direction);
    if ("error" in next) setMessage(next.error);
    else {
      setMessage(undefined);
      setScenario(next.scenario);
    }
  };
  const open = (entry: CatalogEntry): void => {
    setLoaded(entry);
    setScenario(entry.scenario);
    setAreaCursor(0);
    setDetail(false);
    setMessage(`Opened ${entry.file}`);
  };

  useInput((input, key) => {
    if (prompt !== undefined) {
      if (key.escape) setPrompt(undefined);
      else if (key.return) {
        const file = prompt.trim();
        setPrompt(undefined);
        setMessage(`Saving ${file}…`);
        props.save(file, scenario).then(setMessage, (error: unknown) => setMessage(`Not saved: ${error instanceof Error ? error.message : String(error)}`));
      } else if (key.backspace || key.delete) setPrompt(prompt.slice(0, -1));
      else if (!key.ctrl && !key.meta && input.length > 0) setPrompt(prompt + input);
      return;
    }
    if (input === "q") return exit();
    if (input === "?") return setHelp(!help);
    if (help) {
      if (key.escape) setHelp(false);
      return;
    }
    const number = VIEWS.findIndex((_, i) => input === String(i + 1));
    if (number >= 0) return setView(VIEWS[number]!);
    if (key.tab) return setView(VIEWS[(VIEWS.indexOf(view) + (key.shift ? VIEWS.length - 1 : 1)) % VIEWS.length]!);
    const vertical = key.upArrow ? -1 : key.downArrow ? 1 : key.pageUp ? -10 : key.pageDown ? 10 : 0;
    const sideways = key.leftArrow || input === "-" ? -1 : key.rightArrow || input === "+" || input === "=" ? 1 : 0;
    if (view === "Overview" && input === "m") setMetricIndex((metricIndex + 1) % OVERVIEW_METRICS.length);
    if (view === "Areas") {
      if (detail) {
        if (key.escape || key.backspace) setDetail(false);
      } else if (vertical !== 0) setAreaCursor(clamp(areaCursor + vertical, rowsSorted.length));
      else if (key.return && rowsSorted.length > 0) setDetail(true);
      else if (input === "s") setSort(AREA_SORTS[(AREA_SORTS.indexOf(sort) + 1) % AREA_SORTS.length]!);
      else if (input === "r") setReverse(!reverse);
    }
    if (view === "Protocol") {
      if (vertical !== 0) setProtocolCursor(clamp(protocolCursor + vertical, PROTOCOL_LEVERS.length));
      else if (sideways !== 0) move(PROTOCOL_LEVERS[protocolCursor]!, sideways as 1 | -1);
      else if (input === " ") move(PROTOCOL_LEVERS[0]!, 1);
    }
    if (view === "Scenario") {
      const total = props.catalog.length + SCENARIO_LEVERS.length, lever = SCENARIO_LEVERS[scenarioCursor - props.catalog.length];
      if (vertical !== 0) setScenarioCursor(clamp(scenarioCursor + vertical, total));
      else if (key.return && scenarioCursor < props.catalog.length) open(props.catalog[scenarioCursor]!);
      else if (sideways !== 0 && lever !== undefined) move(lever, sideways as 1 | -1);
      else if (input === "w") setPrompt(`scenarios/${scenario.name}-edited.json`);
    }
    if ((view === "Protocol" || view === "Scenario") && input === "u") {
      setScenario(loaded.scenario);
      setMessage("Back to the scenario as loaded");
    }
  });

  const body = (() => {
    if (help) return <HelpView />;
    if (view === "Scenario") {
      return <ScenarioView catalog={props.catalog} scenario={scenario} loadedFile={loaded.file} edited={edited} selected={scenarioCursor} prompt={prompt} message={message} width={width} />;
    }
    if (view === "Protocol") return <ProtocolView scenario={scenario} loaded={loadedSnapshot} now={snapshot} selected={protocolCursor} message={message} width={width} height={height} />;
    if (snapshot === undefined) return <Text>Simulating the first weeks…</Text>;
    if (view === "Areas") {
      const area = rowsSorted[areaCursor];
      return detail && area !== undefined
        ? <AreaDetail snapshot={snapshot} area={area.index} width={width} height={height} />
        : <AreasView rows={rowsSorted} selected={areaCursor} sort={sort} reverse={reverse} width={width} height={height} />;
    }
    return <OverviewView snapshot={snapshot} width={width} height={height} metricIndex={metricIndex} />;
  })();

  const s = scenario;
  return (
    <ColourContext.Provider value={props.colour}>
      <Box flexDirection="column" width={width}>
        <TabBar view={help ? "Overview" : view} width={width} />
        <Text wrap="truncate-end">
          <Text bold>{s.name}</Text>{edited ? <Paint color="yellow"> (edited)</Paint> : null} · {s.horizonWeeks} weeks from {s.startDate} · {s.areas.length} areas · {s.run.replications} replications · seed {s.run.seed}
        </Text>
        <Box flexDirection="column" height={height}>{body}</Box>
        <StatusLine run={run} />
        <Paint dim>{help ? "? or Esc closes help · q quit" : keyHints(view, detail)}</Paint>
      </Box>
    </ColourContext.Provider>
  );
}

const clamp = (i: number, n: number): number => Math.max(0, Math.min(n - 1, i));
