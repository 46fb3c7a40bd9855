/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Map tile URL template (e.g. https://tiles.example.org/{z}/{x}/{y}.png); empty = no tiles. */
  readonly VITE_MAP_TILE_URL?: string;
}
