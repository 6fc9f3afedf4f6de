import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CATALOG, DEMO_PROCEDURES } from '../../../src/controller/config/demo-catalog';

const FILE = join(__dirname, '..', '..', '..', 'assets', 'catalog', 'demo-catalog.json');

describe('the demo catalog (assets/catalog/demo-catalog.json)', () => {
  it('is used as written: no field of the file is dropped by the schema (a misspelt key would be, silently)', () => {
    // DEMO_CATALOG is the file after Catalog.parse, which strips unknown keys and adds defaults:
    // everything the file says must still be there, unchanged
    expect(DEMO_CATALOG).toMatchObject(JSON.parse(readFileSync(FILE, 'utf8')) as object);
  });

  it('keeps the service ids and prefixes the queue and its tests rely on', () => {
    const prefixOf = Object.fromEntries(DEMO_CATALOG.services.map((s) => [s.id, s.prefix]));
    expect(prefixOf).toMatchObject({
      'birth-registration': 'A',
      'marriage-registration': 'A',
      'copy-certification': 'B',
      'land-registration': 'C',
      'result-pickup': 'R',
    });
    expect(DEMO_CATALOG.services.find((s) => s.id === 'birth-registration')?.name.vi).toBe('Đăng ký khai sinh');
  });

  it('numbers each field with one prefix of its own, and every field has a service', () => {
    const prefixesByField = new Map<string, Set<string>>();
    for (const s of DEMO_CATALOG.services) prefixesByField.set(s.fieldId, (prefixesByField.get(s.fieldId) ?? new Set()).add(s.prefix));
    expect(DEMO_CATALOG.fields.map((f) => [f.id, [...(prefixesByField.get(f.id) ?? [])].length])).toEqual(DEMO_CATALOG.fields.map((f) => [f.id, 1]));
    const prefixes = [...prefixesByField.values()].map((s) => [...s][0]);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('offers a ticket for each procedure of the guide, under the same name', () => {
    const services = new Map(DEMO_CATALOG.services.map((s) => [s.id, s]));
    for (const p of DEMO_PROCEDURES.procedures) expect(services.get(p.serviceId)?.name).toEqual(p.name);
  });
});
