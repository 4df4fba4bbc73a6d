/**
 * A Package URL (https://github.com/package-url/purl-spec) as a plain object. Qualifiers are a
 * record; absent parts are `undefined`.
 */
export interface Purl {
  readonly type: string;
  readonly namespace: string | undefined;
  readonly name: string;
  readonly version: string | undefined;
  readonly qualifiers: Readonly<Record<string, string>> | undefined;
  readonly subpath: string | undefined;
}
