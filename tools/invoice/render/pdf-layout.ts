/**
 * A small page-flow layer over pdfkit: a vertical cursor, page breaks that repeat a table's header,
 * and text limited to what the built-in Helvetica can draw (no fonts are embedded).
 */

export const REGULAR = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
export const GREY = '#555555';
const BLACK = '#000000';
const CELL_PAD = 3;

// Code points the standard fonts' WinAnsi encoding has beyond Latin-1 (pdfkit's WIN_ANSI_MAP).
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const LOOK_ALIKES: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', '\u2010': '-', '\u2011': '-', '\u2212': '-', '\u202f': '\u00a0', '\u2009': ' ' };

function drawable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

/**
 * Maps text onto the WinAnsi characters Helvetica has: accents it cannot draw are dropped
 * ("ő" prints "o"), other scripts print "?". pdfkit would otherwise write invalid glyph codes.
 */
export function toWinAnsi(text: string): string {
  if (/^[\x20-\x7e\u00a0-\u00ff]*$/.test(text)) return text;
  let out = '';
  for (const char of text) {
    if (drawable(char)) out += char;
    else if (char === '\n' || char === '\t') out += ' ';
    else if (LOOK_ALIKES[char] !== undefined) out += LOOK_ALIKES[char];
    else {
      const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += base && [...base].every(drawable) ? base : '?';
    }
  }
  return out;
}

export interface TextStyle {
  font?: string;
  size?: number;
  color?: string;
}

export interface Column {
  label: string;
  width: number;
  align?: 'left' | 'right';
  /** Wraps onto several lines instead of being cut with an ellipsis. */
  wrap?: boolean;
}

export interface TableRow {
  cells: string[];
  /** A smaller grey line under the first cell (how the amount was reached, for business). */
  note?: string;
  /** A closing row (a subtotal): bold, a rule above it, its first cell spanning every column but the last. */
  bold?: boolean;
}

export interface TableItem {
  /** A bold row spanning the table (e.g. the phone line the next rows belong to). */
  group?: string;
  row?: TableRow;
}

interface RowHeight {
  lines: number;
  note: number;
  total: number;
  /** Cells of wrapping columns that really need more than one line. */
  wrapped: Set<number>;
  noteWraps: boolean;
}

// A closing row's columns: the first as wide as all but the last, the ones between it and the last empty.
function spanned(columns: Column[]): Column[] {
  if (columns.length < 3) return columns;
  const last = columns[columns.length - 1] as Column;
  const first = columns[0] as Column;
  const middle = columns.slice(1, -1).map((c) => ({ ...c, width: 0 }));
  return [{ ...first, width: columns.slice(0, -1).reduce((w, c) => w + c.width, 0), wrap: true }, ...middle, last];
}

/** The cursor and drawing helpers of one PDF document; pages are added as content needs them. */
export class PdfLayout {
  y: number;
  private color: string | undefined;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;

  /**
   * `scale` enlarges every type size and the spacing the drawers ask for through `s()` (large print);
   * column widths stay, so wide tables wrap or shorten their cells instead of leaving the page.
   */
  constructor(
    readonly pdf: PDFKit.PDFDocument,
    readonly scale = 1,
  ) {
    const { margins, width, height } = pdf.page;
    this.left = margins.left;
    this.right = width - margins.right;
    this.top = margins.top;
    this.bottom = height - margins.bottom;
    this.y = this.top;
  }

  get width(): number {
    return this.right - this.left;
  }

  /** A size or distance in points, enlarged for large print. */
  s(points: number): number {
    return points * this.scale;
  }

  private scaled(style: TextStyle): TextStyle {
    return this.scale === 1 ? style : { ...style, size: this.s(style.size ?? 9) };
  }

  /** Starts a new page when less than `height` points remain on this one; says whether it did. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.pdf.addPage();
    this.y = this.top;
    this.color = undefined;
    return true;
  }

  /** Starts a new page unless the cursor is already at the top of one (an annex starts on its own page). */
  newPage(): void {
    if (this.y > this.top) this.ensure(Number.POSITIVE_INFINITY);
  }

  /** Moves to an existing page (page numbers are written last, on every page). */
  goToPage(index: number): void {
    this.pdf.switchToPage(index);
    this.color = undefined;
  }

  /** Draws one line of text at (x, y) without moving the cursor; `right` aligns its end on x. */
  textAt(text: string, x: number, y: number, style: TextStyle = {}, right = false): void {
    this.rawText(text, x, y, this.scaled(style), right);
  }

  // Text at a size already scaled (the tables scale theirs once, on the way in).
  private rawText(text: string, x: number, y: number, style: TextStyle, right = false): void {
    const content = toWinAnsi(text);
    this.apply(style);
    const at = right ? x - this.pdf.widthOfString(content) : x;
    this.pdf.text(content, at, y, { lineBreak: false });
  }

  /** Draws wrapped text across the page width at the cursor and moves the cursor below it. */
  paragraph(text: string, unscaled: TextStyle = {}): void {
    const style = this.scaled(unscaled);
    const content = toWinAnsi(text);
    const width = this.width;
    this.apply(style);
    const height = this.pdf.heightOfString(content, { width });
    this.ensure(height);
    this.apply(style);
    this.pdf.text(content, this.left, this.y, { width });
    this.y += height + 2;
  }

  /** A section heading, kept on the page with at least a few rows of what follows it. */
  heading(text: string, size = 11): void {
    this.y += this.s(8);
    this.ensure(this.s(size + 60));
    this.textAt(text, this.left, this.y, { font: BOLD, size });
    this.y += this.s(size + 5);
  }

  /** A thin horizontal line across the page at the cursor. */
  rule(color = '#999999'): void {
    this.pdf.save().moveTo(this.left, this.y).lineTo(this.right, this.y).lineWidth(0.5).strokeColor(color).stroke().restore();
  }

  /** Draws a table at the cursor; a page break repeats the header, and the phone line, with "(continued)". */
  table(columns: Column[], items: TableItem[], continued: string, unscaled = 8.5): void {
    const size = this.s(unscaled);
    this.ensure(size * 4);
    this.header(columns, size, '');
    let group: string | undefined;
    for (const item of items) {
      if (item.group !== undefined) {
        group = item.group;
        // Keeps a group label with its first row instead of leaving it alone at a page's foot.
        if (this.ensure(size * 3.4)) this.header(columns, size, continued);
        this.groupLabel(item.group, size);
      } else if (item.row) {
        const height = this.rowHeight(columns, item.row, size);
        if (this.ensure(height.total)) {
          this.header(columns, size, continued);
          if (group !== undefined) this.groupLabel(`${group} ${continued}`, size);
        }
        this.row(columns, item.row, size, height);
      }
    }
    this.y += 4;
  }

  private groupLabel(text: string, size: number): void {
    this.y += 3;
    this.rawText(text, this.left, this.y, { font: BOLD, size });
    this.y += size + CELL_PAD + 1;
  }

  private header(columns: Column[], size: number, suffix: string): void {
    let x = this.left;
    columns.forEach((column, i) => {
      const label = i === 0 && suffix ? `${column.label} ${suffix}` : column.label;
      const right = column.align === 'right';
      this.rawText(label, right ? x + column.width - CELL_PAD : x, this.y, { font: BOLD, size, color: GREY }, right);
      x += column.width;
    });
    this.y += size + CELL_PAD;
    this.rule();
    this.y += CELL_PAD;
  }

  private rowHeight(all: Column[], row: TableRow, size: number): RowHeight {
    const columns = row.bold ? spanned(all) : all;
    let lines = size * 1.2;
    const wrapped = new Set<number>();
    columns.forEach((column, i) => {
      const cell = row.cells[i] ?? '';
      if (!column.wrap || !cell) return;
      this.apply({ font: REGULAR, size });
      const text = toWinAnsi(cell);
      const inner = column.width - CELL_PAD * 2;
      // Most cells fit on one line: measuring the width is far cheaper than pdfkit's line wrapper.
      if (this.pdf.widthOfString(text) <= inner) return;
      wrapped.add(i);
      lines = Math.max(lines, this.pdf.heightOfString(text, { width: inner }));
    });
    let note = 0;
    let noteWraps = false;
    if (row.note && columns[0]) {
      this.apply({ font: REGULAR, size: size - 1.5 });
      const text = toWinAnsi(row.note);
      const inner = columns[0].width - CELL_PAD * 2;
      noteWraps = this.pdf.widthOfString(text) > inner;
      note = noteWraps ? this.pdf.heightOfString(text, { width: inner }) : this.pdf.currentLineHeight(true);
    }
    return { lines, note, total: lines + note + CELL_PAD + (row.bold ? 2 : 0), wrapped, noteWraps };
  }

  private row(all: Column[], row: TableRow, size: number, height: RowHeight): void {
    const columns = row.bold ? spanned(all) : all;
    let x = this.left;
    const font = row.bold ? BOLD : REGULAR;
    if (row.bold) {
      this.rule('#cccccc');
      this.y += 2;
    }
    columns.forEach((column, i) => {
      const cell = toWinAnsi(row.cells[i] ?? '');
      const inner = column.width - CELL_PAD * 2;
      this.apply({ font, size });
      if (height.wrapped.has(i)) {
        this.pdf.text(cell, x, this.y, { width: inner });
      } else if (cell) {
        const [fitted, width] = this.fit(cell, inner);
        const at = column.align === 'right' ? x + column.width - CELL_PAD - width : x;
        this.pdf.text(fitted, at, this.y, { lineBreak: false });
      }
      x += column.width;
    });
    if (row.note && columns[0]) {
      this.apply({ font: REGULAR, size: size - 1.5, color: GREY });
      const width = columns[0].width - CELL_PAD * 2;
      this.pdf.text(toWinAnsi(row.note), this.left, this.y + height.lines, height.noteWraps ? { width } : { lineBreak: false });
    }
    this.y += height.total;
  }

  // Cuts a one-line cell to its column with an ellipsis rather than letting it run into the next.
  private fit(text: string, width: number): [string, number] {
    const full = this.pdf.widthOfString(text);
    if (full <= width) return [text, full];
    let cut = text;
    while (cut.length > 1 && this.pdf.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
    return [`${cut}…`, this.pdf.widthOfString(`${cut}…`)];
  }

  // pdfkit writes a colour operator on every call; skipping repeats keeps pages small and fast.
  // A new page starts with a fresh graphics state, so the remembered colour is dropped then.
  private apply(style: TextStyle): void {
    const color = style.color ?? BLACK;
    this.pdf.font(style.font ?? REGULAR).fontSize(style.size ?? 9);
    if (color !== this.color) {
      this.pdf.fillColor(color);
      this.color = color;
    }
  }
}
