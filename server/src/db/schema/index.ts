export * from './users.js';
export * from './vocab.js';
export * from './records.js';
export * from './history.js';
export * from './settings.js';
