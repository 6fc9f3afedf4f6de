/** The crash test is only as good as its checker: it must see each kind of damage. */
import { crashInvariantProblems } from './crash-invariants';
import { storeHarness, type StoreHarness } from './store-fixtures';
import { connectionOf } from '../../../src/controller/store/connection';

let h: StoreHarness;
beforeEach(() => (h = storeHarness()));
afterEach(() => h.cleanup());

function twoTickets() {
  const store = h.open();
  const ids = [0, 1].map(() => {
    const r = store.issue({ serviceId: 'result-pickup', language: 'vi' });
    if (!r.ok) throw new Error(r.code);
    return r.ticket.id;
  });
  store.markPrinting(ids[1]!);
  store.voidTicket(ids[1]!, 'test');
  return { store, ids: ids as [string, string] };
}

it('finds nothing wrong in a healthy store', () => {
  const { store, ids } = twoTickets();
  expect(crashInvariantProblems(connectionOf(store), new Set(ids))).toEqual([]);
});

it('sees a lost acknowledged ticket, the unexplained gap it leaves, and a ticket the center would never hear of', () => {
  const { store, ids } = twoTickets();
  connectionOf(store).pragma('foreign_keys = OFF');
  connectionOf(store).prepare('DELETE FROM tickets WHERE id = ?').run(ids[0]);
  const problems = crashInvariantProblems(connectionOf(store), new Set([...ids, 'acked-but-never-stored']));
  expect(problems.some((p) => p.startsWith('2 acknowledged tickets missing'))).toBe(true);
  expect(problems.some((p) => p.startsWith('numbers used without a ticket'))).toBe(true);
  // marked acknowledged at its version without the center having stored it
  connectionOf(store).prepare('UPDATE tickets SET acked_version = version').run();
  expect(crashInvariantProblems(connectionOf(store), new Set()).some((p) => p.includes('never hear of'))).toBe(true);
});

it('sees a void without its record, a skipped number and a number outside its source', () => {
  const { store, ids } = twoTickets();
  connectionOf(store).prepare('DELETE FROM voided_numbers').run();
  expect(crashInvariantProblems(connectionOf(store), new Set()).some((p) => p.includes('without a void record'))).toBe(true);
  const numbered = (p: string) => p.startsWith('numbers used without a ticket, or outside their source');
  connectionOf(store).prepare('UPDATE tickets SET number = number + 1 WHERE id = ?').run(ids[1]);
  expect(crashInvariantProblems(connectionOf(store), new Set()).some(numbered)).toBe(true);
  connectionOf(store).prepare('UPDATE tickets SET number = 1 WHERE id = ?').run(ids[1]);
  expect(crashInvariantProblems(connectionOf(store), new Set()).some(numbered)).toBe(true);
});
