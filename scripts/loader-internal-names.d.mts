export declare const LOADER_INTERNAL_NAMES: string[]
export declare const loaderInternalProperties: { regex: RegExp; keep_quoted: 'strict' }
