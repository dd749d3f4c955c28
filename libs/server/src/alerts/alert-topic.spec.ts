import { alertTopic } from './alert-topic';

describe('alertTopic', () => {
  it('puts severity, kind and subject in their own levels', () => {
    expect(alertTopic({ severity: 'red', kind: 'mountain_torrent', subjectId: 'WA-0412' })).toBe('hydro/v1/alerts/red/mountain_torrent/WA-0412');
  });

  it('keeps a channel subject in one level and replaces characters MQTT reserves', () => {
    expect(alertTopic({ severity: 'blue', kind: 'channel_down', subjectId: '70500001:beidou' })).toBe('hydro/v1/alerts/blue/channel_down/70500001:beidou');
    expect(alertTopic({ severity: 'yellow', kind: 'water_level', subjectId: 'a/b+c#' })).toBe('hydro/v1/alerts/yellow/water_level/a_b_c_');
  });
});
