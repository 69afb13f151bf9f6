export { erlangB, erlangC, mmcMeanWait, mmcPriorityMeanWaits } from "./erlang.js";
export { simulateMmc, type MmcResult, type MmcSpec } from "./mmc-simulation.js";
