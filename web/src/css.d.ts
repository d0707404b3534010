// esbuild's text loader: importing a .css file gives its text (the widget inlines its styles).
declare module '*.css' {
  const text: string;
  export default text;
}
