// The request side of a conversation, read from the captured request body: model, system
// prompt, messages by role, tools offered and sampling parameters. One reader serves every
// format: they differ in names (messages/input/contents, system/instructions/systemInstruction).
import { asArray, asObject, asString, type JsonObject } from './frames';

export interface LlmRequestMessage {
  role: string;
  text: string;
}

export interface LlmRequest {
  model: string | null;
  system: string;
  messages: LlmRequestMessage[];
  tools: string[];
  /** Scalar sampling and length settings as sent (temperature, max_tokens, topP…). */
  params: Record<string, string | number | boolean>;
}

/** Keys never counted as parameters: the content read above, or bookkeeping. */
const NOT_PARAMS = new Set([
  'model',
  'messages',
  'input',
  'contents',
  'prompt',
  'system',
  'instructions',
  'systemInstruction',
  'tools',
  'id',
  'trigger',
]);
/** Objects whose scalar fields are sampling settings (Gemini, Ollama, OpenAI reasoning, Anthropic thinking). */
const PARAM_GROUPS = new Set([
  'generationConfig',
  'options',
  'reasoning',
  'thinking',
  'thinkingConfig',
]);
const SYSTEM_ROLES = new Set(['system', 'developer']);

/** The request read from its body text; null when the body is not a JSON object. */
export function readLlmRequest(body: string): LlmRequest | null {
  let json: JsonObject | null;
  try {
    json = asObject(JSON.parse(body));
  } catch {
    return null;
  }
  if (!json) return null;
  const turns = turnsOf(json);
  const system = [
    textOf(json['system']),
    textOf(json['instructions']),
    textOf(json['systemInstruction']),
    ...turns.filter((m) => SYSTEM_ROLES.has(m.role)).map((m) => m.text),
  ];
  return {
    model: asString(json['model']) || null,
    system: system.filter((s) => s !== '').join('\n\n'),
    messages: turns.filter((m) => !SYSTEM_ROLES.has(m.role)),
    tools: asArray(json['tools']).flatMap(toolNames),
    params: paramsOf(json),
  };
}

function turnsOf(json: JsonObject): LlmRequestMessage[] {
  const list = json['messages'] ?? json['contents'] ?? json['input'] ?? json['prompt'];
  if (typeof list === 'string') return [{ role: 'user', text: list }];
  return asArray(list).map((value) => {
    const message = asObject(value);
    return {
      role: asString(message?.['role']) || 'user',
      text: textOf(message?.['content'] ?? message?.['parts']),
    };
  });
}

/** Text of a content value: a string, a list of parts with `text`, or an object with `parts`. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value))
    return value
      .map(textOf)
      .filter((s) => s !== '')
      .join('\n');
  const object = asObject(value);
  if (!object) return '';
  if (typeof object['text'] === 'string') return object['text'];
  return textOf(object['parts'] ?? object['content']);
}

function toolNames(value: unknown): string[] {
  const tool = asObject(value);
  if (!tool) return [];
  const declarations = asArray(tool['functionDeclarations'] ?? tool['function_declarations']);
  if (declarations.length) return declarations.map((d) => asString(asObject(d)?.['name']));
  const name = asString(tool['name']) || asString(asObject(tool['function'])?.['name']);
  return [name || asString(tool['type'])];
}

function paramsOf(json: JsonObject): Record<string, string | number | boolean> {
  const params: Record<string, string | number | boolean> = {};
  const collect = (object: JsonObject, prefix: string): void => {
    for (const [key, value] of Object.entries(object)) {
      if (NOT_PARAMS.has(key)) continue;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        params[prefix + key] = value;
      else if (PARAM_GROUPS.has(key) && asObject(value))
        collect(asObject(value) ?? {}, `${prefix}${key}.`);
    }
  };
  collect(json, '');
  return params;
}
