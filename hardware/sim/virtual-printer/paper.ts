/**
 * The paper coming out of the virtual printer: rows of dots (1 = burnt), as wide as the head.
 * Kept separate from the controller's bitmap on purpose — the simulator is an independent reader.
 */
import { PNG } from 'pngjs';

export class Paper {
  private readonly rows: Uint8Array[] = [];
  constructor(readonly width: number) {}

  get height(): number {
    return this.rows.length;
  }

  /** Adds `n` rows and returns them for drawing. */
  addRows(n: number): Uint8Array[] {
    const added = Array.from({ length: n }, () => new Uint8Array(this.width));
    this.rows.push(...added);
    return added;
  }

  dot(x: number, y: number): boolean {
    return this.rows[y]?.[x] === 1;
  }

  /** Grey PNG of the paper: white background, black dots; at least one row so it is a valid image. */
  toPng(): Buffer {
    const height = Math.max(1, this.rows.length);
    const png = new PNG({ width: this.width, height, colorType: 0, inputColorType: 0, inputHasAlpha: false });
    const gray = Buffer.alloc(this.width * height, 255);
    for (let y = 0; y < this.rows.length; y++) {
      const row = this.rows[y]!;
      for (let x = 0; x < this.width; x++) if (row[x]) gray[y * this.width + x] = 0;
    }
    return PNG.sync.write(Object.assign(png, { data: gray }), { colorType: 0, inputColorType: 0, inputHasAlpha: false, filterType: 0 });
  }
}
