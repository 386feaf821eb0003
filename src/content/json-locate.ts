import { propertyPath } from './schema-check';

/**
 * Finds where JSON text goes wrong, in ways JSON.parse does not say. V8 often reports no position at
 * all ("Unexpected token ']', ... is not valid JSON"), and an author needs the line and column of a
 * trailing comma or a single-quoted string. And JSON.parse silently keeps only the last of two equal
 * keys in one object, so a station text pasted twice and edited once would simply vanish: the same
 * strict scanner reports those keys with their JSON path.
 */
export interface JsonErrorLocation {
  readonly line: number;
  readonly column: number;
  readonly reason: string;
}

export interface DuplicateKey {
  /** JSON path of the repeated key, e.g. `$.stations.camera`. */
  readonly path: string;
  /** Where the second (kept) occurrence starts. */
  readonly line: number;
  readonly column: number;
}

const MAX_DEPTH = 200;
/** Sticky, so a number is matched where it starts without copying the rest of the text. */
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

class ScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** A strict recursive-descent pass over JSON text that only locates errors and repeated keys. */
class Scanner {
  private i = 0;
  private depth = 0;
  readonly duplicates: DuplicateKey[] = [];

  constructor(private readonly text: string) {}

  run(): void {
    this.value('$');
    this.ws();
    if (this.i < this.text.length) this.fail('unexpected text after the end of the JSON value');
  }

  private fail(reason: string): never {
    throw new ScanError(reason, this.i);
  }

  private ws(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i]!)) this.i++;
  }

  private here(): string {
    return this.i >= this.text.length ? 'the file ends too early' : `unexpected ${JSON.stringify(this.text[this.i])}`;
  }

  private value(path: string): void {
    this.ws();
    const c = this.text[this.i];
    if (c === '{' || c === '[') {
      // Content is a few levels deep; a hostile file nested thousands deep must not overflow the stack.
      if (++this.depth > MAX_DEPTH) this.fail(`nested more than ${MAX_DEPTH} levels deep`);
      if (c === '{') this.object(path);
      else this.array(path);
      this.depth--;
      return;
    }
    if (c === '"') return void this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    this.fail(c === "'" ? 'strings need double quotes (")' : `${this.here()} where a value should be`);
  }

  /** Skips a string and returns its raw text, quotes included. */
  private string(): string {
    const start = this.i++;
    while (this.i < this.text.length && this.text[this.i] !== '"') {
      if (this.text[this.i] === '\\') this.i++;
      else if (this.text[this.i] === '\n') this.fail('a string runs past the end of the line (missing closing ")');
      this.i++;
    }
    if (this.i >= this.text.length) this.fail('a string is never closed (missing ")');
    this.i++;
    return this.text.slice(start, this.i);
  }

  private number(): void {
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.text);
    if (!m) this.fail('malformed number');
    this.i += m[0].length;
  }

  private object(path: string): void {
    this.i++;
    this.ws();
    if (this.text[this.i] === '}') return void this.i++;
    const keys = new Set<string>();
    for (;;) {
      this.ws();
      if (this.text[this.i] === '}') this.fail('trailing comma before }');
      if (this.text[this.i] !== '"') this.fail(this.text[this.i] === "'" ? 'property names need double quotes (")' : `${this.here()} where a "property name" should be`);
      const at = this.i;
      const key = decode(this.string());
      if (key !== null && keys.has(key)) this.duplicates.push({ path: propertyPath(path, key), ...lineColumn(this.text, at) });
      if (key !== null) keys.add(key);
      this.ws();
      if (this.text[this.i] !== ':') this.fail(`${this.here()} where ":" should be`);
      this.i++;
      this.value(key === null ? `${path}[?]` : propertyPath(path, key));
      if (this.endOf('}')) return;
    }
  }

  private array(path: string): void {
    this.i++;
    this.ws();
    if (this.text[this.i] === ']') return void this.i++;
    for (let n = 0; ; n++) {
      this.ws();
      if (this.text[this.i] === ']') this.fail('trailing comma before ]');
      this.value(`${path}[${n}]`);
      if (this.endOf(']')) return;
    }
  }

  /** After a member: true at the closing bracket, false after a comma (another member follows). */
  private endOf(close: '}' | ']'): boolean {
    this.ws();
    if (this.text[this.i] === ',') {
      this.i++;
      return false;
    }
    if (this.text[this.i] === close) {
      this.i++;
      return true;
    }
    return this.fail(`${this.here()} where "," or "${close}" should be`);
  }
}

/** The key a raw JSON string stands for, or null when its escapes are broken (reported elsewhere). */
function decode(raw: string): string | null {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return null;
  }
}

/**
 * Scans JSON text: the first error (null if none) and every key given twice in one object. On text
 * JSON.parse accepted, the only possible error is nesting deeper than any content needs.
 */
export function scanJson(text: string): { readonly error: JsonErrorLocation | null; readonly duplicates: readonly DuplicateKey[] } {
  const scanner = new Scanner(text);
  try {
    scanner.run();
    return { error: null, duplicates: scanner.duplicates };
  } catch (err) {
    if (!(err instanceof ScanError)) throw err;
    return { error: { ...lineColumn(text, err.offset), reason: err.message }, duplicates: scanner.duplicates };
  }
}

export function locateJsonError(text: string): JsonErrorLocation | null {
  return scanJson(text).error;
}
