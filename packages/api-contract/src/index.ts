// The kiosk-server's HTTP bodies, one zod schema each: the server's routes declare them and the apps check every
// answer against them, so neither side can drift from the other. Records are in @ruyi/records.
export * from './errors.ts';
export * from './kiosk.ts';
export * from './admin.ts';
export * from './accounts.ts';
export * from './stats.ts';
export * from './statistics.ts';
export * from './sync.ts';
export * from './floor.ts';
export * from './devices.ts';
export * from './fleet.ts';
export * from './refusals.ts';
export * from './classes.ts';
