// leaflet 1.9 has no `exports`/`module` field: the ESM build is imported by path.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
