// Switches write the other party as a bare number, a SIP/tel URI ("sip:+441614960123@gw;user=phone"),
// a name-addr ('"Bob" <sip:1001@pbx>') or a formatted number ("(020) 7946-0123"); analysis needs
// only what was dialled.

const URI_SCHEME = /^(?:sips?|tel):/i;
// RFC 3966 visual separators plus the whitespace some CSV exports leave in.
const VISUAL_SEPARATORS = /[\s\-.()]/g;
const TRUNK_ZERO_AFTER_COUNTRY_CODE = /^(\+\d{1,3})\s*\(0\)/;

/** Reduces a dialled or presented party to what was dialled: URI decoration and visual separators removed, nothing else changed. */
export function normalizeParty(raw: string): string {
  let s = raw.trim();
  const open = s.indexOf('<');
  if (open >= 0) {
    const close = s.indexOf('>', open + 1);
    s = s.slice(open + 1, close < 0 ? undefined : close).trim();
  }
  const scheme = URI_SCHEME.exec(s);
  // Only a URI (or a bare "user@host") has a user part to cut out; in anything else ";" or "?"
  // are just bad characters, and cutting there would turn garbage into a plausible short code.
  if (scheme || s.includes('@')) {
    if (scheme) s = s.slice(scheme[0].length);
    const end = s.search(/[@;?]/);
    if (end >= 0) s = s.slice(0, end);
    if (s.includes('%')) s = decodePercent(s);
  }
  // "+44 (0)20 ..." writes the national trunk prefix for readers, never for dialling.
  s = s.replace(TRUNK_ZERO_AFTER_COUNTRY_CODE, '$1');
  return s.replace(VISUAL_SEPARATORS, '');
}

// A malformed escape is left as it is (and will fail analysis visibly) rather than throwing.
function decodePercent(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
