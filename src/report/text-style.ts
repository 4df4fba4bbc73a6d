/** How renderers style terminal text; the CLI passes colours only when they are wanted. */
export interface TextStyle {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
}

const same = (text: string): string => text;

/** No styling: for files, pipes, NO_COLOR. */
export const plainStyle: TextStyle = { bold: same, dim: same, red: same, yellow: same, green: same };
