/**
 * The part of mvdan-sh (mvdan.cc/sh/v3/syntax compiled to JavaScript by GopherJS) Trustline uses.
 * The package ships no types. Parse errors are thrown as objects (`{ Text, Pos, Error() }`), not
 * Error instances. src/checks/shell-syntax.ts is the only module that touches this API.
 */
declare module 'mvdan-sh' {
  interface GopherWrapper {
    /** The Go value behind the JavaScript wrapper. */
    readonly __internal_object__: unknown;
  }
  interface ShellParser {
    Parse(source: string, name: string): GopherWrapper;
  }
  interface ShellPrinter {
    Print(file: GopherWrapper): string;
  }
  interface ShellSyntax {
    NewParser(...options: unknown[]): ShellParser;
    NewPrinter(...options: unknown[]): ShellPrinter;
  }
  const sh: { readonly syntax: ShellSyntax };
  // The package is CommonJS: its module.exports is this default export.
  // eslint-disable-next-line import-x/no-default-export
  export default sh;
}
