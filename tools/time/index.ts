export { offsetAt, zonedToEpoch, localParts, nextLocalMidnight, isValidTimezone, parseInstant, type LocalParts } from './zoned-time.ts';
