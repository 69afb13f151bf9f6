export { scenarioSchema, runSettingsSchema, type Scenario, type ScenarioInput } from "./scenario-schema.js";
export type { Area, AreaInput, InitialCase, StaffingChange } from "./area-schema.js";
export { initialCaseSchema } from "./area-schema.js";
export type { National, Shock } from "./national-schema.js";
export { areaProtocol, TRIGGER_MEASURES, type Protocol, type ProtocolOverrides } from "./protocol-schema.js";
export { parseScenario, scenarioJsonSchema, type ParseResult, type ScenarioIssue } from "./parse-scenario.js";
export { mergeScenario } from "./merge-scenario.js";
export type { CafcassPlus } from "./plus-schema.js";
export type { Costs } from "./costs-schema.js";
