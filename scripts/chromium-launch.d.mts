export const CHROMIUM_FLAGS: readonly string[]
export function chromiumLaunchOptions(extraFlags?: readonly string[]): { executablePath: string; args: string[] }
