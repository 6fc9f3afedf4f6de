import { assemble, removeLastCharacter } from 'es-hangul';
import type { TFunction } from 'i18next';
import { useState } from 'preact/hooks';
import type { Language } from '../../contract';

/**
 * On-screen keyboards, one per way of writing a visitor uses: Latin letters (Vietnamese without
 * diacritics, English, Chinese pinyin, Japanese romaji), Hangul with jamo composition (es-hangul
 * builds syllables as they are typed: ㅊ ㅜ ㄹ → 출), and a kana table with the voicing marks.
 * A code keyboard (digits, letters, - and .) types dossier and appointment codes. Keys grow with
 * large text; each is at least 15 mm on the kiosk's panel.
 */
export type Layout = 'latin' | 'hangul' | 'kana' | 'code';

const ROWS: Record<Layout, string[][]> = {
  latin: ['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'].map((r) => [...r]),
  code: ['1234567890', 'QWERTYUIOP', 'ASDFGHJKL-', 'ZXCVBNM.'].map((r) => [...r]),
  // the standard two-set (두벌식) layout
  hangul: ['ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ', 'ㅁㄴㅇㄹㅎㅗㅓㅏㅣ', 'ㅋㅌㅊㅍㅠㅜㅡ'].map((r) => [...r]),
  // the fifty-sound table, read across as printed on Japanese kiosks
  kana: ['あいうえおかきくけこ', 'さしすせそたちつてと', 'なにぬねのはひふへほ', 'まみむめもやゆよらり', 'るれろわをんゃゅょっ'].map((r) => [...r]),
};
/** Shift on the Hangul keyboard: the tense consonants and the two extra vowels. */
const HANGUL_SHIFT: Record<string, string> = { ㅂ: 'ㅃ', ㅈ: 'ㅉ', ㄷ: 'ㄸ', ㄱ: 'ㄲ', ㅅ: 'ㅆ', ㅐ: 'ㅒ', ㅔ: 'ㅖ' };

/** The keyboards a language offers for search, its own first. */
export function searchLayouts(language: Language): Layout[] {
  if (language === 'ko') return ['hangul', 'latin'];
  if (language === 'ja') return ['kana', 'latin'];
  return ['latin'];
}

/** Appends a key to the text: Hangul jamo join the syllable before them; voicing marks join the kana. */
export function typeKey(text: string, key: string, layout: Layout): string {
  if (layout === 'hangul') return assemble([text, key].filter(Boolean));
  if (key === '\u3099' || key === '\u309a') return text.slice(0, -1) + `${text.slice(-1)}${key}`.normalize('NFC');
  return text + (layout === 'kana' ? key : key.toLowerCase());
}

/** Removes the last thing typed: one jamo of a Hangul syllable (출 → 추), else one character. */
export function deleteKey(text: string): string {
  return /[\uac00-\ud7a3\u3131-\u318e]$/.test(text) ? removeLastCharacter(text) : [...text].slice(0, -1).join('');
}

interface Props {
  t: TFunction;
  layouts: Layout[];
  value: string;
  max: number;
  onChange: (v: string) => void;
}

export function OnScreenKeyboard({ t, layouts, value, max, onChange }: Props) {
  const [layout, setLayout] = useState<Layout>(layouts[0]!);
  const [shift, setShift] = useState(false);
  const current = layouts.includes(layout) ? layout : layouts[0]!;
  const press = (k: string) => {
    onChange(typeKey(value, k, current).slice(0, max));
    setShift(false);
  };
  const key = (k: string) => {
    const shown = current === 'hangul' && shift ? HANGUL_SHIFT[k] ?? k : k;
    return (
      <button type="button" class="key" data-key={shown} onClick={() => press(shown)}>
        {shown}
      </button>
    );
  };
  const next = layouts[(layouts.indexOf(current) + 1) % layouts.length]!;
  return (
    <div class={`keyboard ${current}`} role="group" aria-label={t('keyboard.label')} data-layout={current}>
      {ROWS[current].map((row) => (
        <div class="keyboard-row">{row.map(key)}</div>
      ))}
      <div class="keyboard-row controls">
        {layouts.length > 1 && (
          <button type="button" class="key wide switch" data-key="layout" data-next={next} onClick={() => setLayout(next)}>
            {t(`keyboard.layout.${next}`)}
          </button>
        )}
        {current === 'hangul' && (
          <button type="button" class="key shift" data-key="shift" aria-pressed={shift} onClick={() => setShift(!shift)}>
            ⇧
          </button>
        )}
        {current === 'kana' && (
          <>
            <button type="button" class="key" data-key="dakuten" aria-label={t('keyboard.dakuten')} onClick={() => press('\u3099')}>
              ゛
            </button>
            <button type="button" class="key" data-key="handakuten" aria-label={t('keyboard.handakuten')} onClick={() => press('\u309a')}>
              ゜
            </button>
          </>
        )}
        <button type="button" class="key wide" data-key="space" onClick={() => press(' ')}>
          {t('keyboard.space')}
        </button>
        <button type="button" class="key wide" data-key="backspace" onClick={() => onChange(deleteKey(value))}>
          {t('keyboard.backspace')}
        </button>
        <button type="button" class="key wide" data-key="clear" onClick={() => onChange('')}>
          {t('keyboard.clear')}
        </button>
      </div>
    </div>
  );
}
