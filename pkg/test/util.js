// Position conversions for comparing JavaScript results (UTF-16 code units) with the Rust
// expectations (columns in Unicode scalars, spans in UTF-8 bytes).

/** The 1-based scalar column of the 1-based UTF-16 `column` on 1-based `line` of `src`. */
export function scalarColumn(src, line, column) {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = src.indexOf('\n', start);
    if (nl < 0) return column; // past the end: positions are clamped, nothing to convert
    start = nl + 1;
  }
  const before = src.slice(start, start + column - 1);
  if (before.length < column - 1) throw new Error(`column ${column} is past the end of line ${line}`);
  let scalars = 0;
  for (const _ of before) scalars++;
  return scalars + 1;
}

/** The UTF-8 byte offset of UTF-16 offset `offset` in `src`. */
export function byteOffset(src, offset) {
  const encoder = new TextEncoder();
  return encoder.encode(src.slice(0, offset)).length;
}
