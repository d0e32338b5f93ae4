export * from '../time/zoned-time.js';
export * from './labels.js';
export * from './next-step.js';
export * from './plan.js';
export * from './resolution.js';
export * from './schedule.js';
export * from './signals.js';
export * from './stalled.js';
