import type { Browser } from 'playwright-core';
import { checkScreen } from '../support/a11y';
import { launchChromium } from '../support/browser';

/** The checker every screen is held to must itself catch what it claims to. */
describe('accessibility checker', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('flags low contrast, small targets and controls in the top third; passes a good screen', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.setContent(`
      <body style="margin:0;background:#fff">
        <p id="grey" style="color:#777">grey on white, 4.5:1</p>
        <button style="position:absolute;top:100px;left:0;width:200px;height:100px;background:#000;color:#fff">high</button>
        <button style="position:absolute;top:1500px;left:0;width:40px;height:40px;background:#000;color:#fff">x</button>
        <div style="position:absolute;top:1600px;background:#0b3d91"><span style="color:#fff">white on blue</span></div>
        <button style="position:absolute;top:1700px;left:300px;width:200px;height:100px;background:#0b3d91;color:#fff">good</button>
      </body>`);
    const problems = await checkScreen(page, { dpi: 102, portrait: true });
    const summary = problems.map((p) => `${p.kind} ${p.what}`).sort();
    expect(summary).toEqual(['contrast p "grey on white, 4.5:1"', 'reach button "high"', 'target button "x"'].sort());
    expect(problems.find((p) => p.kind === 'contrast')!.value).toBeCloseTo(4.48, 1);
  });
});
