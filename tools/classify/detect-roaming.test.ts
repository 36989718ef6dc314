import { describe, expect, it } from 'vitest';
import { detectRoaming, type RoamingEvidence } from './detect-roaming.ts';

const OURS = { homeCountry: 'GB', homeNetworks: ['23415'] };
const NO_NETWORKS = { homeCountry: 'GB', homeNetworks: [] };

function evidence(e: Partial<RoamingEvidence>): RoamingEvidence {
  return { imsi: null, servingNetwork: null, visitedCountry: null, ...e };
}

describe('detectRoaming with homeNetworks configured', () => {
  it.each([
    ['no evidence', {}, 'none'],
    ['served on our network', { servingNetwork: '23415' }, 'none'],
    ['served in France (208-01)', { servingNetwork: '20801' }, 'outbound'],
    ['served in France, written 208-01', { servingNetwork: '208-01' }, 'outbound'],
    // The operator's list is the authority: a domestic partner network is still not ours.
    ['served by another GB network', { servingNetwork: '23410' }, 'outbound'],
    ['visited country says France', { visitedCountry: 'FR' }, 'outbound'],
    ['visited country is home (lower case)', { visitedCountry: 'gb' }, 'none'],
    ['French IMSI served on our network', { imsi: '208011234567890', servingNetwork: '23415' }, 'inbound'],
    ['French IMSI on our switch (no serving network)', { imsi: '208011234567890' }, 'inbound'],
    ['our IMSI on our network', { imsi: '234151234567890', servingNetwork: '23415' }, 'none'],
    ['other GB network IMSI on our network', { imsi: '234101234567890', servingNetwork: '23415' }, 'inbound'],
    ['French IMSI on a French network: outbound wins', { imsi: '208011234567890', servingNetwork: '20801' }, 'outbound'],
    ['malformed serving network is ignored', { servingNetwork: 'abc' }, 'none'],
    ['malformed IMSI is ignored', { imsi: '20801x', servingNetwork: '23415' }, 'none'],
    ['foreign IMSI with unreadable serving network proves nothing', { imsi: '208011234567890', servingNetwork: 'n/a' }, 'none'],
  ] as const)('%s -> %s', (_label, e, expected) => {
    expect(detectRoaming(evidence(e), OURS)).toBe(expected);
  });

  it('matches 3-digit-MNC home networks against IMSIs', () => {
    const us = { homeCountry: 'US', homeNetworks: ['310260'] };
    expect(detectRoaming(evidence({ imsi: '310260123456789', servingNetwork: '310260' }), us)).toBe('none');
    expect(detectRoaming(evidence({ imsi: '234151234567890', servingNetwork: '310260' }), us)).toBe('inbound');
  });
});

describe('detectRoaming without homeNetworks (by MCC country)', () => {
  it.each([
    ['French network', { servingNetwork: '20801' }, 'outbound'],
    ['any GB network', { servingNetwork: '23410' }, 'none'],
    ['second GB MCC 235', { servingNetwork: '23501' }, 'none'],
    ['unknown MCC is no evidence', { servingNetwork: '99901' }, 'none'],
    ['US IMSI on our switch', { imsi: '310260123456789' }, 'inbound'],
    ['US IMSI on a GB network', { imsi: '310260123456789', servingNetwork: '23415' }, 'inbound'],
    ['GB IMSI at home', { imsi: '234101234567890' }, 'none'],
    ['test-network IMSI is no evidence', { imsi: '001011234567890' }, 'none'],
  ] as const)('%s -> %s', (_label, e, expected) => {
    expect(detectRoaming(evidence(e), NO_NETWORKS)).toBe(expected);
  });
});
