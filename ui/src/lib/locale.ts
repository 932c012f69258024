// The webview takes its language from the process's locale. Under the C or POSIX locale
// WebKitGTK reports "C", which Intl refuses as a language tag ("invalid language tag: C"), so
// any library formatting numbers or dates with navigator.language throws. Such a language is
// replaced with the first usable one, else en-US, before anything formats.

/** Whether Intl accepts `tag` as a language. */
export function usableLanguage(tag: string | undefined): boolean {
  if (!tag) return false;
  try {
    return Intl.getCanonicalLocales(tag).length > 0;
  } catch {
    return false;
  }
}

/** The language to format in: the first usable of `languages`, else en-US. */
export function formattingLanguage(languages: readonly string[]): string {
  return languages.find(usableLanguage) ?? "en-US";
}

/** Makes navigator.language (and .languages) usable by Intl, when they are not. */
export function settleLanguage(nav: Navigator = navigator): void {
  if (usableLanguage(nav.language)) return;
  const lang = formattingLanguage(nav.languages ?? []);
  Object.defineProperty(nav, "language", { value: lang, configurable: true });
  Object.defineProperty(nav, "languages", { value: [lang], configurable: true });
}
