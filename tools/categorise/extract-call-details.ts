import { normalizeParty } from '../classify/normalize-party.ts';
import type { CallDetails } from './categorise.types.ts';

/**
 * Reads what a switch wrote about where a call went: the Dial (Asterisk) or bridge (FreeSWITCH)
 * target in lastapp/lastdata and the peer in a channel name. Only values that look like plain
 * tokens are returned or quoted in evidence, so hostile text in a field can never reach an agent
 * through this function's output.
 */

// Real dial strings are short; a longer field is not worth parsing and is not quoted anywhere.
const MAX_FIELD = 1024;
const TECH = /^[A-Za-z][A-Za-z0-9_]{0,15}$/;
const TOKEN = /^[A-Za-z0-9_.:+-]{1,64}$/;
const NUMBER = /^\+?[0-9*#]{1,32}$/;
const APP = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

/** One dial target or channel name, read. */
interface Endpoint {
  technology?: string;
  trunk?: string;
  number?: string;
  /** Evidence phrases built from validated tokens only. */
  notes: string[];
}

function asNumber(raw: string): string | undefined {
  const n = normalizeParty(raw);
  return NUMBER.test(n) ? n : undefined;
}

function asToken(raw: string | undefined): string | undefined {
  return raw !== undefined && TOKEN.test(raw) ? raw : undefined;
}

/** `user:secret@peer:port` -> `peer`: credentials are never kept, ports are not part of a trunk's name. */
function peerOf(raw: string): string | undefined {
  const host = raw.slice(raw.lastIndexOf('@') + 1).replace(/:\d+$/, '');
  return asToken(host);
}

function describe(e: Endpoint): string {
  const parts = [e.technology && `technology ${e.technology}`, e.trunk && `trunk ${e.trunk}`, e.number && `number ${e.number}`, ...e.notes].filter(Boolean);
  return parts.length ? parts.join(', ') : 'nothing recognisable';
}

/** One Asterisk Dial target: SIP/peer/number, SIP/number@peer, PJSIP/number@endpoint, PJSIP/endpoint/sip:uri, IAX2/[user[:secret]@]peer/number, DAHDI/g1/number, Local/exten@context. */
function readAsteriskTarget(target: string): Endpoint {
  const slash = target.indexOf('/');
  const technology = slash > 0 ? target.slice(0, slash).trim() : '';
  if (!TECH.test(technology)) return { notes: ['not a TECH/resource dial target'] };
  const rest = target.slice(slash + 1).trim();
  if (technology.toLowerCase() === 'local') {
    // Local/exten@context[/options]: a call back into the dialplan, so there is no trunk.
    const [exten = '', context] = rest.split('/')[0]!.split('@');
    const ctx = asToken(context);
    return { technology, number: asNumber(exten), notes: ctx ? [`into dialplan context ${ctx}`] : [] };
  }
  const slashAt = rest.indexOf('/');
  const head = slashAt < 0 ? rest : rest.slice(0, slashAt);
  const tail = slashAt < 0 ? '' : rest.slice(slashAt + 1);
  if (tail !== '') {
    // IAX2 may add /options after exten@context; only the first part is the number.
    const number = asNumber(technology === 'IAX2' ? tail.split('/')[0]! : tail);
    return { technology, trunk: peerOf(head), number, notes: number ? [] : ['no number after the peer'] };
  }
  const at = head.indexOf('@');
  if (at > 0) return { technology, number: asNumber(head.slice(0, at)), trunk: peerOf(head.slice(at + 1)), notes: [] };
  const number = asNumber(head);
  // A bare endpoint is a device (SIP/1001, PJSIP/alice) reached directly, not a trunk.
  if (number) return { technology, number, notes: ['endpoint named by its number'] };
  const device = asToken(head);
  return { technology, notes: [device ? `device ${device} dialled directly, no number` : 'unusual endpoint name'] };
}

/** One FreeSWITCH bridge target or channel name: sofia/gateway/gw/number, sofia/profile/user@host, user/1000@domain, loopback/1234. */
function readFreeswitchTarget(target: string): Endpoint {
  const parts = target.trim().split('/');
  const technology = parts[0]!;
  if (!TECH.test(technology)) return { notes: ['not an endpoint/dial string'] };
  if (technology === 'sofia' && parts[1] === 'gateway') {
    const gateway = asToken(parts[2]);
    const number = asNumber(parts.slice(3).join('/'));
    return { technology, trunk: gateway, number, notes: gateway ? [] : ['unusual gateway name'] };
  }
  if (technology === 'sofia') {
    const profile = asToken(parts[1]);
    return { technology, number: asNumber(parts.slice(2).join('/')), notes: profile ? [`sofia profile ${profile}`] : [] };
  }
  if (technology === 'user' || technology === 'loopback') return { technology, number: asNumber(parts[1] ?? ''), notes: [] };
  return { technology, notes: [] };
}

function asteriskTargets(data: string): Endpoint[] {
  // Asterisk 1.6+ separates arguments with ",", 1.4 with "|"; "&" joins targets dialled at once.
  const first = data.split(data.includes(',') ? ',' : '|')[0]!;
  return first
    .split('&')
    .filter((t) => t.trim() !== '')
    .map((t) => readAsteriskTarget(t.trim()));
}

function freeswitchTargets(data: string): Endpoint[] {
  // {global} and [per-leg] variable blocks may contain the separators, so they go first.
  const bare = data.replace(/\{[^}]*\}|\[[^\]]*\]/g, '');
  return bare
    .split(/:_:|\||,/)
    .filter((t) => t.trim() !== '')
    .map(readFreeswitchTarget);
}

/** A channel name (SIP/trunk-a-0000001f, PJSIP/carrier-00000abc, IAX2/peer-1234, sofia/gateway/carrier/number) read for its technology and trunk. */
function readChannelName(name: string): Endpoint {
  const s = name.replace(/<(?:ZOMBIE|MASQ)>$/, '').replace(/^(?:AsyncGoto|Surrogate)\//, '');
  if (/^(?:sofia|user|loopback)\//.test(s)) {
    // The number in a channel name is that leg's party, not what was dialled.
    const { number: _ignored, ...rest } = readFreeswitchTarget(s);
    return rest;
  }
  const slash = s.indexOf('/');
  const technology = slash > 0 ? s.slice(0, slash) : '';
  if (!TECH.test(technology)) return { notes: ['not a TECH/name-suffix channel name'] };
  if (technology === 'Local') return { technology, notes: ['a Local channel has no trunk'] };
  const rest = s.slice(slash + 1);
  // Asterisk appends a per-channel counter: 8 hex digits for SIP/PJSIP and most drivers, a call number for IAX2, a sequence for DAHDI.
  const suffix = technology === 'IAX2' ? /-\d{1,5}$/ : technology === 'DAHDI' ? /-\d+$/ : /-[0-9a-fA-F]{8}$/;
  const m = suffix.exec(rest);
  const peer = peerOf(m ? rest.slice(0, m.index) : rest);
  if (!peer) return { technology, notes: ['unusual peer name'] };
  // Subscribers' own channels are named after their extension or MSISDN; that is not a trunk.
  if (/^\+?\d+$/.test(peer)) return { technology, notes: [`peer ${peer} is an extension or subscriber number, not a trunk`] };
  return { technology, trunk: peer, notes: m ? [] : ['no channel counter suffix'] };
}

function read(fields: Readonly<Record<string, unknown>>, names: readonly string[], evidence: string[]): string | undefined {
  for (const name of names) {
    const v = fields[name];
    if (typeof v !== 'string' || v.trim() === '') continue;
    if (v.length > MAX_FIELD) {
      evidence.push(`${name} is longer than ${MAX_FIELD} characters and was not read`);
      continue;
    }
    return v.trim();
  }
  return undefined;
}

/**
 * Extracts the dialled number, trunk and technology from a record's switch fields (Asterisk
 * lastapp/lastdata/channel/dstchannel, FreeSWITCH last_app/last_arg/channel_name); never throws,
 * returns what it found with evidence.
 */
export function extractCallDetails(fields: Readonly<Record<string, unknown>>): CallDetails {
  const evidence: string[] = [];
  const out: CallDetails = { evidence };
  if (fields === null || typeof fields !== 'object') return { evidence: ['no switch fields'] };
  const app = read(fields, ['lastapp', 'last_app'], evidence);
  const data = read(fields, ['lastdata', 'last_arg'], evidence);
  if (app !== undefined) {
    if (APP.test(app)) out.application = app;
    else evidence.push('lastapp is not a plain application name');
  }

  let targets: Endpoint[] = [];
  const kind = app?.toLowerCase();
  if (data !== undefined) {
    const looksFreeswitch = /^(?:\{|\[|sofia\/|user\/|loopback\/)/.test(data);
    if (kind === 'bridge' || (kind === undefined && looksFreeswitch)) targets = freeswitchTargets(data);
    else if (kind === 'dial' || kind === undefined) targets = asteriskTargets(data);
    else if (kind === 'voicemail') {
      const box = asToken(data.split(/[,|]/)[0]!.split('@')[0]);
      evidence.push(`application VoiceMail${box ? ` for mailbox ${box}` : ''}: the call ended in voicemail`);
    } else evidence.push(`application ${out.application ?? '(unusual)'} is not a dial; its data names no number`);
  }
  targets.forEach((t, i) => evidence.push(`dial target ${i + 1}${targets.length > 1 ? ` of ${targets.length}` : ''}: ${describe(t)}`));

  const numbered = targets.find((t) => t.number !== undefined);
  if (numbered) {
    out.dialledNumber = numbered.number!;
    if (targets.length > 1) evidence.push(`dialled number taken from target ${targets.indexOf(numbered) + 1}, the first with a number`);
  }
  const trunked = numbered?.trunk !== undefined ? numbered : targets.find((t) => t.trunk !== undefined);
  if (trunked) out.trunk = trunked.trunk!;
  const tech = (numbered ?? trunked ?? targets[0])?.technology;
  if (tech) out.technology = tech;

  // The outgoing leg (dstchannel) names the trunk more reliably than the caller's own channel.
  for (const name of ['dstchannel', 'channel', 'channel_name']) {
    const value = read(fields, [name], evidence);
    if (value === undefined) continue;
    const ch = readChannelName(value);
    evidence.push(`${name}: ${describe(ch)}`);
    if (out.trunk === undefined && ch.trunk !== undefined) {
      out.trunk = ch.trunk;
      out.technology ??= ch.technology;
      evidence.push(`trunk taken from ${name}`);
    }
    out.technology ??= ch.technology;
  }
  if (evidence.length === 0) evidence.push('no dial data or channel names in the fields');
  return out;
}
