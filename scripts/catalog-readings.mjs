// Writes the readings of the shipped catalog's names into assets/catalog/*.json, so a visitor can
// type a name whose script is not on the kiosk's keyboard: pinyin of the Chinese names (pinyin-pro,
// which picks a character's reading from its neighbours) and the hand-checked kana of the Japanese
// names (assets/catalog/readings-ja.json). Run after editing the catalog: node scripts/catalog-readings.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'catalog');
const ja = JSON.parse(readFileSync(join(dir, 'readings-ja.json'), 'utf8'));

/** "出生登记" -> "chu sheng deng ji": syllables as words, so initials ("csdj") match too. */
const pinyinOf = (zh) => pinyin(zh.replace(/[^\p{Script=Han}\d]+/gu, ' '), { toneType: 'none', type: 'array', nonZh: 'consecutive' }).filter((s) => s.trim()).join(' ');

function withReadings(item) {
  const kana = ja[item.id];
  if (!kana) throw new Error(`assets/catalog/readings-ja.json: no reading for "${item.id}"`);
  return { ...item, readings: { zh: [pinyinOf(item.name.zh)], ja: kana } };
}

for (const [file, key] of [['demo-catalog.json', 'services'], ['procedures.json', 'procedures']]) {
  const path = join(dir, file);
  const data = JSON.parse(readFileSync(path, 'utf8'));
  data[key] = data[key].map(withReadings);
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
  console.log(`${file}: readings for ${data[key].length} ${key}`);
}
