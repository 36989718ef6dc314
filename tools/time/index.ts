export { offsetAt, zonedToEpoch, localParts, nextLocalMidnight, isValidTimezone, parseInstant, localDayNumber, type LocalParts } from './zoned-time.ts';
