// A user's own recipe for a stream no built-in format reads: which URLs it applies to and
// where, in each frame's JSON, the text, reasoning and finish reason are.
import { ConversationBuilder, readAll, type ConversationReader, type FrameReader } from './builder';
import type { Conversation, LlmFrame } from './conversation';
import { said, sharedText, type SharedMessage } from '../i18n/shared';

export interface UserRule {
  /** Matched against the whole request URL; `*` stands for any run of characters. */
  urlPattern: string;
  /** JSON paths such as `choices[0].delta.content` or `$.output.text`. */
  textPath: string;
  reasoningPath?: string;
  finishPath?: string;
}

type PathStep = string | number;

const STEP = /^(?:\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["([^"]*)"\])/;

/** The steps of a JSON path, or why it cannot be read. */
function readJsonPath(path: string): PathStep[] | { problem: SharedMessage } {
  const steps: PathStep[] = [];
  let rest = path.trim().replace(/^\$/, '');
  while (rest !== '') {
    const m = STEP.exec(rest);
    if (!m) return { problem: said('path.unreadable', { rest }) };
    steps.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? m[3] ?? ''));
    rest = rest.slice(m[0].length);
  }
  return steps.length ? steps : { problem: said('path.empty') };
}

/**
 * The steps of a JSON path, or why it cannot be read: in English by default, in the panel's
 * language when its rule editor passes its translator.
 */
export function parseJsonPath(
  path: string,
  render: (message: SharedMessage) => string = (message) => sharedText(message),
): PathStep[] | { error: string } {
  const steps = readJsonPath(path);
  return Array.isArray(steps) ? steps : { error: render(steps.problem) };
}

export function ruleMatchesUrl(rule: UserRule, url: string): boolean {
  const pattern = rule.urlPattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(url);
}

function valueAt(json: unknown, steps: readonly PathStep[]): unknown {
  let value = json;
  for (const step of steps) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PathStep, unknown>)[step];
  }
  return value;
}

interface RulePaths {
  text: PathStep[];
  reasoning: PathStep[] | null;
  finish: PathStep[] | null;
}

/** Each path's name in a rule's error ("text path: …"). */
const PATH_ERRORS = {
  text: 'llm.textPath',
  reasoning: 'llm.reasoningPath',
  finish: 'llm.finishPath',
} as const;

/** The rule's paths parsed, or what is wrong with the first that cannot be read. */
export function rulePaths(rule: UserRule): RulePaths | { error: SharedMessage } {
  const parse = (
    field: keyof typeof PATH_ERRORS,
    path: string | undefined,
  ): PathStep[] | SharedMessage | null => {
    if (path === undefined || path.trim() === '') return null;
    const steps = readJsonPath(path);
    return Array.isArray(steps) ? steps : said(PATH_ERRORS[field], { problem: steps.problem });
  };
  const text =
    parse('text', rule.textPath) ?? said(PATH_ERRORS.text, { problem: said('path.empty') });
  const reasoning = parse('reasoning', rule.reasoningPath);
  const finish = parse('finish', rule.finishPath);
  for (const p of [text, reasoning, finish]) {
    if (p !== null && !Array.isArray(p)) return { error: p };
  }
  return {
    text: text as PathStep[],
    reasoning: reasoning as PathStep[] | null,
    finish: finish as PathStep[] | null,
  };
}

/** Reads the frames with a user's rule; a rule whose paths cannot be read is the error. */
export function assembleWithRule(frames: readonly LlmFrame[], rule: UserRule): Conversation {
  return readAll(ruleReader(rule), frames);
}

/** Reads a growing stream with a user's rule; each call of `read` takes the new frames. */
export function ruleReader(rule: UserRule): ConversationReader {
  const builder = new ConversationBuilder();
  const paths = rulePaths(rule);
  if ('error' in paths) {
    let reported = false;
    return {
      read: (frames) => {
        const first = frames[0];
        if (first && !reported) builder.error(first, paths.error);
        reported ||= first !== undefined;
      },
      build: () => builder.build('custom'),
    };
  }
  const readFrame: FrameReader = (frame, json) => {
    const reasoning = paths.reasoning && valueAt(json, paths.reasoning);
    const text = valueAt(json, paths.text);
    const finish = paths.finish && valueAt(json, paths.finish);
    if (typeof reasoning === 'string') builder.reasoning(0, frame, reasoning);
    if (typeof text === 'string') builder.text(0, frame, text);
    if (typeof finish === 'string' && finish !== '') builder.finish(0, finish);
  };
  return {
    read: (frames) => builder.readFrames(frames, readFrame),
    build: () => builder.build('custom'),
  };
}
