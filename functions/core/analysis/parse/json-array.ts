import { AnalysisInputError } from '../errors';
import { asRecord, jsonError, type ParseState, type RawItem } from './items';
import {
  checkLineLength,
  checkRecordShape,
  defaultInputLimits,
  InputLimitError,
  type InputLimits,
} from './limits';
import { invalidUtf8Message, wellFormed } from './utf8';

/**
 * Streams the elements of a top-level JSON array without holding the whole document: a small scanner
 * tracks nesting and strings, and each complete element is handed to JSON.parse on its own.
 */
export async function* jsonArrayRecords(
  chunks: AsyncIterable<string>,
  state: ParseState,
  limits: InputLimits = defaultInputLimits,
): AsyncGenerator<RawItem[]> {
  let buf = '';
  let pos = 0;
  let line = 1;
  let depth = 0;
  let started = false;
  let ended = false;
  let inString = false;
  let escaped = false;
  let elemStart = -1;
  let elemLine = 1;
  const emit = (text: string, out: RawItem[]) => {
    if (!wellFormed(text)) {
      out.push({ line: elemLine, error: invalidUtf8Message });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      out.push({ line: elemLine, error: jsonError(e) });
      return;
    }
    checkRecordShape(value, elemLine, limits);
    out.push(asRecord(value, elemLine));
  };
  for await (const chunk of chunks) {
    buf += chunk;
    const batch: RawItem[] = [];
    for (; pos < buf.length; pos++) {
      const c = buf.charCodeAt(pos);
      if (c === 10) line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92) escaped = true;
        else if (c === 34) inString = false;
        continue;
      }
      if (c === 32 || c === 10 || c === 13 || c === 9) continue;
      if (!started) {
        if (c !== 91)
          throw new AnalysisInputError('expected a JSON array of records ("[")', { line });
        started = true;
        depth = 1;
        continue;
      }
      if (ended)
        throw new AnalysisInputError('unexpected content after the end of the JSON array', {
          line,
        });
      if (depth === 1 && elemStart < 0) {
        if (c === 44) continue;
        if (c === 93) {
          ended = true;
          depth = 0;
          continue;
        }
        elemStart = pos;
        elemLine = line;
      }
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) {
        // the array itself is level 1, so a record may reach maxDepth + 1
        if (++depth > limits.maxDepth + 1) {
          throw new InputLimitError(
            'maxDepth',
            `the record nests deeper than ${limits.maxDepth} levels`,
            { line: elemLine },
          );
        }
      } else if (c === 125 || c === 93) {
        depth--;
        if (depth === 1) {
          emit(buf.slice(elemStart, pos + 1), batch);
          elemStart = -1;
        } else if (depth === 0) {
          emit(buf.slice(elemStart, pos), batch);
          elemStart = -1;
          ended = true;
        }
      } else if (c === 44 && depth === 1) {
        emit(buf.slice(elemStart, pos), batch);
        elemStart = -1;
      }
    }
    if (elemStart >= 0) {
      checkLineLength(buf.length - elemStart, elemLine, limits);
      buf = buf.slice(elemStart);
      pos -= elemStart;
      elemStart = 0;
    } else {
      buf = '';
      pos = 0;
    }
    state.lines = line;
    if (batch.length > 0) yield batch;
  }
  if (!started) return;
  if (!ended) {
    const batch: RawItem[] = [
      {
        line: elemStart >= 0 ? elemLine : line,
        error: 'unexpected end of input: the JSON array is not closed',
      },
    ];
    yield batch;
  }
}
