export { meanConfidenceInterval, type MeanInterval } from "./mean-confidence-interval.js";
export { relativeHalfWidth } from "./relative-half-width.js";
export { studentTQuantile } from "./student-t-quantile.js";
export { wilsonInterval, type ProportionInterval } from "./wilson-interval.js";
