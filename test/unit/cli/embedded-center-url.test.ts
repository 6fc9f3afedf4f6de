import { pointTicketsAtEmbeddedCenter, publicCenterUrl } from '../../../src/cli/embedded-center';
import { RobotConfig } from '../../../src/controller/config/schema';

const lan = { lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }], eth0: [{ address: 'fe80::1', family: 'IPv6', internal: false }, { address: '192.168.1.23', family: 'IPv4', internal: false }] };

describe('the embedded center\'s address on tickets', () => {
  it('is loopback by default, the LAN address when the center listens on every interface', () => {
    expect(publicCenterUrl('127.0.0.1', 8720, lan as never)).toBe('http://127.0.0.1:8720');
    expect(publicCenterUrl('0.0.0.0', 8720, lan as never)).toBe('http://192.168.1.23:8720');
    expect(publicCenterUrl('0.0.0.0', 8720, { lo: lan.lo } as never)).toBe('http://127.0.0.1:8720');
    expect(publicCenterUrl('::1', 8720, lan as never)).toBe('http://[::1]:8720');
  });

  it('replaces only the placeholder ticket URL; a configured one is kept', () => {
    const base = RobotConfig.parse({ profile: 'simulator', robotId: 'robot-1' });
    expect(pointTicketsAtEmbeddedCenter(base, 'http://192.168.1.23:8720').ticketStatusUrl).toBe('http://192.168.1.23:8720/t/{id}');
    const own = { ...base, ticketStatusUrl: 'https://hcc.example.org/q/{id}' };
    expect(pointTicketsAtEmbeddedCenter(own, 'http://192.168.1.23:8720').ticketStatusUrl).toBe('https://hcc.example.org/q/{id}');
  });
});
