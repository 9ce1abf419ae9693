/** What XMP says about origin and data mining. */
export interface XmpFields {
  /** The IPTC digital source type's last path segment, e.g. "trainedAlgorithmicMedia". */
  digitalSourceType?: string;
  /** The PLUS data-mining value's last segment, e.g. "DMI-PROHIBITED-AIMLTRAINING". */
  dataMining?: string;
  creatorTool?: string;
}

/** The value of an XMP property written as an attribute or as an element (with or without rdf:resource). */
function property(xmp: string, name: string): string | undefined {
  const esc = name.replace(':', '\\:');
  const attr = new RegExp(`${esc}\\s*=\\s*["']([^"']*)["']`).exec(xmp);
  if (attr) return attr[1];
  const resource = new RegExp(`<${esc}[^>]*rdf:resource\\s*=\\s*["']([^"']*)["']`).exec(xmp);
  if (resource) return resource[1];
  const element = new RegExp(`<${esc}[^>]*>([\\s\\S]*?)</${esc}>`).exec(xmp);
  if (!element) return undefined;
  // an rdf:Alt or rdf:Seq wraps the value in rdf:li
  const li = /<rdf:li[^>]*>([^<]*)<\/rdf:li>/.exec(element[1] as string);
  return (li ? li[1] : element[1])?.trim();
}

const lastSegment = (v: string | undefined) => v?.trim().split('/').filter(Boolean).pop();

/** Reads the IPTC DigitalSourceType, PLUS DataMining and CreatorTool from an XMP packet. */
export function readXmp(packet: Buffer | string | null): XmpFields {
  if (!packet) return {};
  const xmp = typeof packet === 'string' ? packet : packet.toString('utf8');
  const out: XmpFields = {};
  const dst = lastSegment(property(xmp, 'Iptc4xmpExt:DigitalSourceType'));
  if (dst) out.digitalSourceType = dst;
  const dm = lastSegment(property(xmp, 'plus:DataMining'));
  if (dm) out.dataMining = dm;
  const tool = property(xmp, 'xmp:CreatorTool');
  if (tool) out.creatorTool = tool;
  return out;
}
