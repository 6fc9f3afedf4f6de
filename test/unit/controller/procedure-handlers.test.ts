import { CodedError, commands } from '../../../src/contract';
import { DEMO_PROCEDURES } from '../../../src/controller/config/demo-catalog';
import { procedureHandlers } from '../../../src/controller/procedures/procedure-handlers';

describe('procedure.list and procedure.get handlers', () => {
  const handlers = procedureHandlers(() => DEMO_PROCEDURES);

  it('lists the whole guide in a reply that satisfies the contract', async () => {
    const reply = await handlers['procedure.list']({});
    expect(commands['procedure.list'].response.parse(reply)).toEqual(reply);
    expect(reply.procedures.map((p) => p.id)).toEqual(DEMO_PROCEDURES.procedures.map((p) => p.id));
    expect(reply.disclaimer.vi).toMatch(/tham khảo/);
  });

  it('gets one procedure with exactly the legal documents it cites', async () => {
    const reply = await handlers['procedure.get']({ id: 'birth-registration' });
    expect(commands['procedure.get'].response.parse(reply)).toEqual(reply);
    expect(reply.procedure.name.vi).toBe('Đăng ký khai sinh');
    expect(reply.legalDocuments.map((d) => d.id).sort()).toEqual([...reply.procedure.legalBasis].sort());
    expect(reply.legalDocuments.find((d) => d.id === 'luat-ho-tich-2014')?.number).toBe('60/2014/QH13');
  });

  it('answers PROCEDURE_UNKNOWN for an id not in the guide', () => {
    expect(() => handlers['procedure.get']({ id: 'no-such-procedure' })).toThrow(CodedError);
    try {
      handlers['procedure.get']({ id: 'no-such-procedure' });
    } catch (e) {
      expect((e as CodedError).code).toBe('PROCEDURE_UNKNOWN');
    }
  });

  it('serves a guide replaced at run time', async () => {
    let guide = DEMO_PROCEDURES;
    const live = procedureHandlers(() => guide);
    guide = { ...DEMO_PROCEDURES, procedures: DEMO_PROCEDURES.procedures.slice(0, 1) };
    expect((await live['procedure.list']({})).procedures).toHaveLength(1);
  });

  it('refuses requests the contract does not allow', () => {
    expect(commands['procedure.get'].request.safeParse({ id: 'x'.repeat(49) }).success).toBe(false);
    expect(commands['procedure.get'].request.safeParse({ id: 'birth-registration', extra: 1 }).success).toBe(false);
    expect(commands['procedure.list'].request.safeParse({ all: true }).success).toBe(false);
  });
});
