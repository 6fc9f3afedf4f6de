import { parsePortalLink, parseTicketQr, ticketStatusUrl } from '../../../src/core/codes';

const CODE = '000.00.01.H29-240115-0001';

describe('national public service portal links', () => {
  it.each([
    `https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?maHoSo=${CODE}`,
    `https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?maBienNhan=${encodeURIComponent(CODE)}&typeInapp=1`,
    `https://vpcp.dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html#${CODE}`,
    `https://dichvucong.gov.vn/tra-cuu-ho-so/${CODE}`,
    `HTTPS://DICHVUCONG.GOV.VN/p/home/dvc-tra-cuu-ho-so.html?q=${CODE.toLowerCase()}`,
  ])('extracts the code from %s', (link) => {
    const r = parsePortalLink(link);
    expect(r).toMatchObject({ ok: true, value: { format: 'portal-link', dossier: { code: CODE } } });
  });

  it('a portal link without a code says so', () => {
    expect(parsePortalLink('https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?typeInapp=1')).toMatchObject({
      code: 'PORTAL_LINK_WITHOUT_CODE',
    });
  });

  it.each([
    `https://dichvucong.gov.vn.evil.example/?maHoSo=${CODE}`,
    `https://dichvucong.gov.vn@evil.example/?maHoSo=${CODE}`,
    `https://fakedichvucong.gov.vn/?maHoSo=${CODE}`,
    `ftp://dichvucong.gov.vn/${CODE}`,
  ])('does not take %s for the portal', (link) => {
    expect(parsePortalLink(link)).toMatchObject({ ok: false, code: 'SCAN_UNKNOWN_FORMAT' });
  });
});

describe('our ticket QR', () => {
  const id = '0b6c1f9e-7a51-4c1e-9a7e-3f2d8c4b5a61';

  it('round-trips through the URL the printer puts on the ticket', () => {
    for (const base of ['http://10.0.0.5:8080', 'http://10.0.0.5:8080/', 'https://trungtam.example.vn/queue']) {
      const url = ticketStatusUrl(base, id.toUpperCase());
      expect(parseTicketQr(url, base)).toEqual({ ok: true, value: { format: 'ticket', ticketId: id } });
    }
    expect(ticketStatusUrl('http://10.0.0.5:8080/', id)).toBe(`http://10.0.0.5:8080/t/${id}`);
  });

  it('refuses our ticket path without a ticket id', () => {
    expect(parseTicketQr('http://10.0.0.5:8080/t/12345', 'http://10.0.0.5:8080')).toMatchObject({ code: 'TICKET_QR_INVALID' });
    // hex in UUID shape but not an RFC UUID (version nibble 0): never issued by the store
    expect(parseTicketQr('http://10.0.0.5:8080/t/0b6c1f9e-7a51-0c1e-9a7e-3f2d8c4b5a61', 'http://10.0.0.5:8080')).toMatchObject({
      code: 'TICKET_QR_INVALID',
    });
  });

  it('another origin or another base path is not our ticket', () => {
    expect(parseTicketQr(`http://10.0.0.6:8080/t/${id}`, 'http://10.0.0.5:8080')).toMatchObject({ code: 'SCAN_UNKNOWN_FORMAT' });
    expect(parseTicketQr(`https://10.0.0.5:8080/t/${id}`, 'http://10.0.0.5:8080')).toMatchObject({ code: 'SCAN_UNKNOWN_FORMAT' });
    expect(parseTicketQr(`https://x.vn/other/t/${id}`, 'https://x.vn/queue')).toMatchObject({ code: 'SCAN_UNKNOWN_FORMAT' });
  });
});
