export * from "./scenario/index.js";
export { runReplication, resultShape, warmupWeeksOf } from "./replication.js";
export {
  SCALAR_METRICS, TRANSITION_FIELDS, WEEKLY_METRICS, scalarIndex, scalarOffset, weeklyIndex, weeklyOffset,
  type ReplicationResult, type ResultShape, type ScalarMetric, type TransitionField, type WeeklyMetric,
} from "./metrics.js";
export { PROTOCOL_STATES, nextProtocolStatus, type ProtocolMeasures, type ProtocolState, type ProtocolStatus } from "./protocol-machine.js";
export { steadyStateOpenCases } from "./steady-state.js";
export { addDays, daysBetween } from "./calendar.js";
export { PLUS_METRICS, plusIndex, plusOffset, plusLength, type PlusMetric } from "./plus-metrics.js";
export { ReplicationCancelled, type ReplicationWatch } from "./replication-watch.js";
export { isPlusModelled, withoutRollout, withRolloutAreas, plusLiveFrom, cohortPerWeek, baselineDiversionIn, ordinaryPublicShare } from "./plus-arms.js";
export { drawPlusEffects, type PlusEffects } from "./plus-effects.js";
export { INTERVENTION_METRICS, interventionIndex, interventionOffset, interventionWeeks, RUNOFF_WEEKS, type InterventionMetric } from "./intervention-metrics.js";
export { interventionLiveFrom, withInterventionRollout } from "./intervention-arms.js";
export { drawEffect } from "./effect-draw.js";
export { countedEffects, type CountedEffects } from "./counted-effects.js";
export { plusEffectDistributions } from "./plus-effects.js";
