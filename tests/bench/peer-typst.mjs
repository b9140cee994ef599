// peer-typst.mjs BOARDS.json OUT.pdf
//
// The peer side of peer-typst.sh: the same boards' data (title, place,
// three heads, the hotlines), typeset by Typst through its npm package
// @myriaddreamin/typst-ts-node-compiler, in WenQuanYi Zen Hei, one page a
// board, written as one PDF.  Timed from outside as a whole process.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(process.env.PEER_TYPST_MODULES + '/');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const [boardsPath, outPath] = process.argv.slice(2);
const boards = JSON.parse(readFileSync(boardsPath, 'utf8'));

// Typst strings: backslashes and quotes escaped.
const str = (s) => '"' + String(s ?? '').replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';

let src = `#set page(paper: "a4", margin: 1.5cm)
#set text(font: "WenQuanYi Zen Hei", size: 12pt, lang: "zh")
#let board(title, community, place, heads, hotlines) = [
  #block(fill: rgb("#c8102e"), width: 100%, inset: 12pt)[
    #align(center)[#text(size: 30pt, fill: white, weight: "bold")[#title] \\ #text(size: 14pt, fill: rgb("#f9cc3f"))[#community]]]
  #align(center)[#text(size: 22pt, weight: "bold")[#place]]
  #grid(columns: (1fr, 1fr, 1fr), gutter: 8pt,
    ..heads.map(h => block(stroke: rgb("#c8102e"), inset: 8pt, width: 100%)[
      #align(center)[#text(size: 11pt)[#h.at(0)] \\ #text(size: 20pt)[#h.at(1)] \\ #text(fill: rgb("#c8102e"))[#h.at(2)]]]))
  #v(12pt)
  #text(size: 14pt, fill: rgb("#c8102e"))[Service hotlines]
  #table(columns: (1fr, auto), stroke: none, ..hotlines.flatten())
]
`;
boards.forEach((b, i) => {
  if (i > 0) src += '#pagebreak()\n';
  const heads = b.heads.map((h) => `(${str(h[0])}, ${str(h[1])}, ${str(h[2])})`).join(', ');
  const hot = b.hotlines.map((h) => `(${str(h[0])}, ${str(h[1])})`).join(', ');
  // Typst arrays: "(a,)" for one item, "()" for none.
  const arr = (items) => (items ? `(${items},)` : '()');
  src += `#board(${str(b.title)}, ${str(b.community)}, ${str(b.place)}, ${arr(heads)}, ${arr(hot)})\n`;
});

const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [process.env.PEER_TYPST_FONTS || '/usr/share/fonts/truetype/wqy'] }] });
const pdf = compiler.pdf({ mainFileContent: src });
writeFileSync(outPath, pdf);
