/** The origin of a URL or origin string, or null when it does not parse (opaque origins too). */
export function originOf(url: string | undefined): string | null {
  if (url === undefined || url === '') return null;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** True only when `candidate` is on the controller's origin, and the controller is known. */
export function isOnOrigin(candidate: string | undefined, allowedOrigin: string | null): boolean {
  return allowedOrigin !== null && originOf(candidate) === allowedOrigin;
}
