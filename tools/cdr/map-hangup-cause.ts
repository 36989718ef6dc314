import type { Disposition } from './usage-record.types.ts';

// What each FreeSWITCH hangup cause (Q.850 names plus FreeSWITCH's own) means for a call that
// was never answered (no answer_stamp); answered calls are `answered` whatever the cause.
const UNANSWERED: ReadonlyArray<readonly [Disposition, readonly string[]]> = [
  [
    'no_answer',
    [
      'NORMAL_CLEARING',
      'NO_ANSWER',
      'NO_USER_RESPONSE',
      'ORIGINATOR_CANCEL',
      'ALLOTTED_TIMEOUT',
      'PROGRESS_TIMEOUT',
      'NO_PICKUP',
      'PICKED_OFF',
      'LOSE_RACE',
      'CALL_AWARDED_DELIVERED',
      'SUCCESS',
      'BLIND_TRANSFER',
      'ATTENDED_TRANSFER',
    ],
  ],
  ['busy', ['USER_BUSY', 'BUSY_EVERYWHERE']],
  ['congestion', ['NORMAL_CIRCUIT_CONGESTION', 'SWITCH_CONGESTION', 'REQUESTED_CHAN_UNAVAIL']],
  [
    'failed',
    [
      'NONE',
      'UNSPECIFIED',
      'UNALLOCATED_NUMBER',
      'NO_ROUTE_TRANSIT_NET',
      'NO_ROUTE_DESTINATION',
      'CHANNEL_UNACCEPTABLE',
      'SUBSCRIBER_ABSENT',
      'CALL_REJECTED',
      'DECLINE',
      'NUMBER_CHANGED',
      'REDIRECTION_TO_NEW_DESTINATION',
      'EXCHANGE_ROUTING_ERROR',
      'DESTINATION_OUT_OF_ORDER',
      'INVALID_NUMBER_FORMAT',
      'FACILITY_REJECTED',
      'RESPONSE_TO_STATUS_ENQUIRY',
      'NORMAL_UNSPECIFIED',
      'NETWORK_OUT_OF_ORDER',
      'NORMAL_TEMPORARY_FAILURE',
      'ACCESS_INFO_DISCARDED',
      'PRE_EMPTED',
      'FACILITY_NOT_SUBSCRIBED',
      'OUTGOING_CALL_BARRED',
      'INCOMING_CALL_BARRED',
      'BEARERCAPABILITY_NOTAUTH',
      'BEARERCAPABILITY_NOTAVAIL',
      'SERVICE_UNAVAILABLE',
      'BEARERCAPABILITY_NOTIMPL',
      'CHAN_NOT_IMPLEMENTED',
      'FACILITY_NOT_IMPLEMENTED',
      'SERVICE_NOT_IMPLEMENTED',
      'INVALID_CALL_REFERENCE',
      'INCOMPATIBLE_DESTINATION',
      'INVALID_MSG_UNSPECIFIED',
      'MANDATORY_IE_MISSING',
      'MESSAGE_TYPE_NONEXIST',
      'WRONG_MESSAGE',
      'IE_NONEXIST',
      'INVALID_IE_CONTENTS',
      'WRONG_CALL_STATE',
      'RECOVERY_ON_TIMER_EXPIRE',
      'MANDATORY_IE_LENGTH_ERROR',
      'PROTOCOL_ERROR',
      'INTERWORKING',
      'CRASH',
      'SYSTEM_SHUTDOWN',
      'MANAGER_REQUEST',
      'USER_CHALLENGE',
      'MEDIA_TIMEOUT',
      'USER_NOT_REGISTERED',
      'INVALID_GATEWAY',
      'GATEWAY_DOWN',
      'INVALID_URL',
      'INVALID_PROFILE',
      'SRTP_READ_ERROR',
      'BOWOUT',
      'DOES_NOT_EXIST_ANYWHERE',
      'NOT_ACCEPTABLE',
      'UNWANTED',
      'NO_IDENTITY',
      'BAD_IDENTITY_INFO',
      'UNSUPPORTED_CERTIFICATE',
      'INVALID_IDENTITY',
      'STALE_DATE',
    ],
  ],
];

const DISPOSITION_BY_CAUSE = new Map<string, Disposition>(UNANSWERED.flatMap(([disposition, causes]) => causes.map((cause) => [cause, disposition] as const)));

/** Every hangup cause the FreeSWITCH parser accepts. */
export const KNOWN_HANGUP_CAUSES: readonly string[] = [...DISPOSITION_BY_CAUSE.keys()];

/**
 * Maps a FreeSWITCH hangup cause to a disposition, or null for an unknown cause. A call with an
 * answer_stamp is `answered` whatever ended it (media timeout, transfer, shutdown): the cause says
 * why it ended, not whether it connected. Without one, the cause decides (NORMAL_CLEARING of an
 * unanswered leg is `no_answer`).
 */
export function mapHangupCause(cause: string, answered: boolean): Disposition | null {
  const disposition = DISPOSITION_BY_CAUSE.get(cause);
  if (disposition === undefined) return null;
  return answered ? 'answered' : disposition;
}
