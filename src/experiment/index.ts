export * from "./statistics/index.js";
export { kernelSelfCheck, type SelfCheckRow } from "./kernel-self-check.js";
