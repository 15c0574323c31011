// A YAML syntax mistake in plain words. The yaml library reports a mistake where it gets lost, often lines later and
// several times over (a tab gave seven messages, a full-width colon "Implicit keys need to be on a single line"); this
// looks at the source lines for the mistakes editors make (a full-width colon, a tab, an indentation off by a space or
// two, an unclosed quote) and reports the first one once, at its own line and column. Anything else: one plain sentence
// at the library's first position.
import { coded, type CodedMessage } from './render.ts';

export interface YamlLibraryError {
  code: string;
  message: string;
  linePos?: [{ line: number; col: number }, ...{ line: number; col: number }[]];
}

export interface YamlProblem extends CodedMessage {
  line?: number;
  column?: number;
}

interface Found {
  line: number;
  column: number;
  problem: CodedMessage;
}

const leading = (line: string) => /^[ \t]*/.exec(line)![0];
const isBlank = (line: string) => /^\s*(#.*)?$/.test(line);

/** The first line indented with a tab, at the tab. */
function findTab(lines: readonly string[], upTo: number): Found | null {
  for (let i = 0; i < Math.min(lines.length, upTo); i++) {
    const lead = leading(lines[i]!);
    const at = lead.indexOf('\t');
    if (at >= 0 && !isBlank(lines[i]!)) return { line: i + 1, column: at + 1, problem: coded('yaml.tab') };
  }
  return null;
}

/** `key：value` (the colon a Chinese keyboard types) where a key is expected. */
function findFullWidthColon(lines: readonly string[], upTo: number): Found | null {
  for (let i = 0; i < Math.min(lines.length, upTo); i++) {
    const m = /^(\s*(?:-\s+)*)([A-Za-z0-9_][\w.-]*)\s*：/.exec(lines[i]!);
    if (m) return { line: i + 1, column: m[0].length, problem: coded('yaml.fullwidth-colon', { key: m[2]! }) };
  }
  return null;
}

/** Where a quote opens at the start of a value (not an apostrophe inside text). */
const QUOTE_START = /(^|[\s[{,])(["'])/g;

/** The opening quote of a string that is still open at the end of the text, or the first that does not close on its line. */
function findUnclosedQuote(lines: readonly string[]): Found | null {
  let open: { line: number; column: number; quote: string } | null = null;
  let firstUnclosedOnLine: { line: number; column: number; quote: string } | null = null;
  lines.forEach((text, i) => {
    let at = 0;
    while (at < text.length) {
      if (open) {
        const close = text.indexOf(open.quote, at);
        if (close < 0) return;
        // '' inside a single-quoted string and \" inside a double-quoted one are not the end.
        if (open.quote === "'" && text[close + 1] === "'") {
          at = close + 2;
          continue;
        }
        if (open.quote === '"' && text[close - 1] === '\\') {
          at = close + 1;
          continue;
        }
        open = null;
        at = close + 1;
        continue;
      }
      const comment = text.slice(at).search(/(^|\s)#/);
      QUOTE_START.lastIndex = at;
      const m = QUOTE_START.exec(text);
      if (!m || (comment >= 0 && at + comment < m.index)) return;
      const column = m.index + m[1]!.length;
      open = { line: i + 1, column: column + 1, quote: m[2]! };
      at = column + 1;
      const rest = text.slice(at);
      if (!rest.includes(open.quote) && !firstUnclosedOnLine) firstUnclosedOnLine = open;
    }
  });
  const found = open ?? firstUnclosedOnLine;
  if (!found) return null;
  const { line, column, quote } = found;
  return { line, column, problem: coded('yaml.unclosed-quote', { quote }) };
}

/** A line that holds a key (`key:` or `key: value`) or a list item (`- …`), after its indentation. */
const KEY = /^(?:"[^"]*"|'[^']*'|[^\s#'"{[\]][^#]*?)\s*:(?:\s|$)/;

/**
 * The first key or list item indented differently from every level it could belong to: deeper than the line above
 * without that line opening a block, or between two levels. The level it missed is the one nearest to it.
 */
function findIndentation(lines: readonly string[], upTo: number): Found | null {
  // `lone`: the level holds one line so far, the first under a `key:` whose key is at `parentCol`.
  const levels: { indent: number; line: number; lone?: boolean; parentCol?: number }[] = [];
  let prev: { opens: boolean; keyCol: number; line: number } | null = null;
  let blockScalarAbove: number | null = null;
  let flowDepth = 0;
  for (let i = 0; i < Math.min(lines.length, upTo); i++) {
    const text = lines[i]!;
    if (isBlank(text) || text.includes('\t')) continue;
    const indent = leading(text).length;
    if (blockScalarAbove !== null) {
      if (indent > blockScalarAbove) continue;
      blockScalarAbove = null;
    }
    if (flowDepth > 0) {
      flowDepth += (text.match(/[[{]/g)?.length ?? 0) - (text.match(/[\]}]/g)?.length ?? 0);
      continue;
    }
    let rest = text.slice(indent);
    let keyCol = indent;
    const dashes: number[] = [];
    while (/^-(\s|$)/.test(rest)) {
      dashes.push(keyCol);
      const skip = /^-\s*/.exec(rest)![0].length;
      keyCol += skip;
      rest = rest.slice(skip);
    }
    const isKey = KEY.test(rest);
    if (!isKey && !dashes.length) continue; // a continuation of a text, or a flow value: not about indentation
    const line = i + 1;
    const top = levels.at(-1);
    const childOfPrev = prev?.opens && (indent > prev.keyCol || (indent === prev.keyCol && dashes.length > 0));
    if (!childOfPrev && !levels.some((l) => l.indent === indent) && levels.length) {
      // The level it belongs to: the nearest one; on a tie, the deeper one (the lines it follows).
      const nearest = [...levels].sort((a, b) => Math.abs(a.indent - indent) - Math.abs(b.indent - indent) || b.indent - a.indent)[0]!;
      // The first line under a key (or of the file) set the level, and this one sits where that line usually would
      // (two spaces in; at the left edge): the first line is the one off.
      if (nearest.lone && nearest.parentCol !== undefined && indent === nearest.parentCol + 2) {
        const n = Math.abs(nearest.indent - indent);
        const code = nearest.indent > indent ? 'yaml.indent-long' : 'yaml.indent-short';
        return { line: nearest.line, column: nearest.indent + 1, problem: coded(code, { n, ref: line, want: indent }) };
      }
      if (prev && !prev.opens && top && indent > top.indent)
        return { line, column: indent + 1, problem: coded('yaml.indent-long', { n: indent - top.indent, ref: prev.line, want: top.indent }) };
      const problem =
        nearest.indent > indent
          ? coded('yaml.indent-short', { n: nearest.indent - indent, ref: nearest.line, want: nearest.indent })
          : coded('yaml.indent-long', { n: indent - nearest.indent, ref: nearest.line, want: nearest.indent });
      return { line, column: indent + 1, problem };
    }
    while (levels.length && levels.at(-1)!.indent > indent) levels.pop();
    // A level is named by its latest line: the one an editor lines the next one up with.
    if (levels.at(-1)?.indent === indent) Object.assign(levels.at(-1)!, { line, lone: false });
    else if (childOfPrev && prev) levels.push({ indent, line, lone: true, parentCol: prev.keyCol });
    else levels.push(levels.length ? { indent, line } : { indent, line, lone: true, parentCol: -2 });
    for (const d of dashes.slice(1)) levels.push({ indent: d, line });
    if (dashes.length && keyCol > indent) levels.push({ indent: keyCol, line });
    const value = isKey ? rest.replace(KEY, '').trim() : rest.trim();
    const opens = isKey && (value === '' || value.startsWith('#') || /^[|>][-+0-9]*\s*(#.*)?$/.test(value) || /^&\S+$/.test(value));
    if (isKey && /^[|>]/.test(value)) blockScalarAbove = keyCol;
    flowDepth = (value.match(/[[{]/g)?.length ?? 0) - (value.match(/[\]}]/g)?.length ?? 0);
    if (flowDepth < 0) flowDepth = 0;
    prev = { opens, keyCol, line };
  }
  return null;
}

const firstLine = (message: string) => message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');

/** One problem for a file the yaml library could not read: the mistake an editor made, at its line and column. */
export function yamlSyntaxProblem(text: string, errors: readonly YamlLibraryError[]): YamlProblem {
  const lines = text.split(/\r?\n/);
  const positions = errors.map((e) => e.linePos?.[0]?.line ?? lines.length);
  // A mistake shows up at or after its own line: look no further than one line past the last reported one.
  const upTo = Math.max(...positions, 0) + 1;
  const quoteError = errors.some((e) => /Missing closing .?quote/.test(e.message));
  const found = [
    findTab(lines, upTo),
    findFullWidthColon(lines, upTo),
    quoteError ? findUnclosedQuote(lines) : null,
    findIndentation(lines, upTo),
  ].filter((f): f is Found => f !== null);
  found.sort((a, b) => a.line - b.line || a.column - b.column);
  const first = found[0];
  if (first) return { ...first.problem, line: first.line, column: first.column };
  const root = errors[0]!;
  const pos = root.linePos?.[0];
  if (root.code === 'DUPLICATE_KEY' && pos) {
    const key = /^\s*(?:-\s+)*("[^"]*"|'[^']*'|[^:#]+?)\s*:/.exec(lines[pos.line - 1]!.slice(pos.col - 1))?.[1] ?? '';
    return { ...coded('yaml.duplicate-key', { key }), line: pos.line, column: pos.col };
  }
  return { ...coded('yaml.other', { detail: firstLine(root.message) }), line: pos?.line, column: pos?.col };
}
