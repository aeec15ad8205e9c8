/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** URL of the embedded mock API (set by `npm start` and the browser tests). */
  readonly VITE_MOCK_API_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
