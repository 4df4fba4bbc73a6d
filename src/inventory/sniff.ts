/**
 * The SBOM format of a text, judged from its first few kilobytes; undefined when it is none of
 * CycloneDX JSON or XML, SPDX JSON or tag-value.
 */
export function sniffFormat(text: string): string | undefined {
  const head = text.slice(0, 4096);
  if (/"bomFormat"\s*:\s*"CycloneDX"/.test(head)) return 'cyclonedx-json';
  if (/<bom[\s>][^>]*xmlns="http:\/\/cyclonedx\.org\/schema\/bom\//.test(head)) return 'cyclonedx-xml';
  if (/"spdxVersion"\s*:\s*"SPDX-/.test(head)) return 'spdx-json';
  if (/^SPDXVersion:\s*SPDX-/m.test(head)) return 'spdx-tag-value';
  return undefined;
}
