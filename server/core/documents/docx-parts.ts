/** Reads the XML parts of a .docx, for tests and checks: unzip, decode UTF-8. */
import { strFromU8, unzipSync } from 'fflate';

export interface DocxParts {
  document: string;
  styles: string;
  fontTable: string;
  /** every footer part, in file name order */
  footers: string[];
  /** all the text of the body, runs joined */
  text: string;
}

export function readDocxParts(buffer: Buffer): DocxParts {
  const files = unzipSync(new Uint8Array(buffer));
  const part = (path: string) => {
    const bytes = files[path];
    if (bytes === undefined) throw new Error(`.docx has no ${path}`);
    return strFromU8(bytes);
  };
  const document = part('word/document.xml');
  return {
    document,
    styles: part('word/styles.xml'),
    fontTable: part('word/fontTable.xml'),
    footers: Object.keys(files)
      .filter((path) => /^word\/footer\d+\.xml$/.test(path))
      .sort()
      .map(part),
    text: [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''),
  };
}
