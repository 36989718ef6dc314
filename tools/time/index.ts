export { offsetAt, zonedToEpoch, localParts, nextLocalMidnight, isValidTimezone, type LocalParts } from './zoned-time.ts';
