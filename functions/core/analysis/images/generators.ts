import type { PngText } from './png-text';

/** A generator tool recognized from the text it leaves in an image, with a short excerpt. */
export interface GeneratorHit {
  tool: string;
  detail: string;
}

const excerpt = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 120);
/** A1111-style parameters: "Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: …". */
const A1111 = /\bSteps:\s*\d+.*\b(Sampler|Seed|CFG scale):/s;
/** Software names of image generators (never of editors or cameras). */
const SOFTWARE =
  /\b(NovelAI|Stable Diffusion|Midjourney|DALL[·-]?E|ComfyUI|Fooocus|InvokeAI|Imagen|Firefly|Leonardo\.Ai|Flux)\b/i;

/** Generator metadata in PNG text chunks (AUTOMATIC1111, Fooocus, ComfyUI, InvokeAI, NovelAI). */
export function pngGenerator(texts: PngText[]): GeneratorHit | null {
  const by = new Map(texts.map((t) => [t.keyword, t.text]));
  const params = by.get('parameters');
  if (params !== undefined) {
    if (/fooocus/i.test(params) || by.has('fooocus_scheme'))
      return { tool: 'fooocus', detail: `parameters: ${excerpt(params)}` };
    if (A1111.test(params))
      return { tool: 'automatic1111', detail: `parameters: ${excerpt(params)}` };
  }
  const prompt = by.get('prompt');
  const workflow = by.get('workflow');
  if ((prompt && workflow) || (prompt && /"class_type"/.test(prompt)))
    return { tool: 'comfyui', detail: `prompt: ${excerpt(prompt)}` };
  for (const key of ['invokeai_metadata', 'invokeai_graph', 'sd-metadata', 'Dream']) {
    const v = by.get(key);
    if (v) return { tool: 'invokeai', detail: `${key}: ${excerpt(v)}` };
  }
  const software = by.get('Software');
  if (software && /NovelAI/i.test(software))
    return {
      tool: 'novelai',
      detail: `Software: ${excerpt(software)}; Comment: ${excerpt(by.get('Comment') ?? '')}`,
    };
  if (software && SOFTWARE.test(software))
    return { tool: toolName(software), detail: `Software: ${excerpt(software)}` };
  return null;
}

function toolName(software: string): string {
  return (SOFTWARE.exec(software)?.[1] ?? 'other').toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** Generator metadata in EXIF (A1111's UserComment parameters; generator Software) or XMP CreatorTool. */
export function otherGenerator(fields: {
  userComment?: string;
  software?: string;
  creatorTool?: string;
}): GeneratorHit | null {
  const c = fields.userComment;
  if (c && A1111.test(c)) return { tool: 'automatic1111', detail: `UserComment: ${excerpt(c)}` };
  for (const [name, v] of [
    ['Software', fields.software],
    ['CreatorTool', fields.creatorTool],
  ] as const)
    if (v && SOFTWARE.test(v)) return { tool: toolName(v), detail: `${name}: ${excerpt(v)}` };
  return null;
}
