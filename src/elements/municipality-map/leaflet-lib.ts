/**
 * The part of Leaflet the map uses, as one module (its own chunk): named imports let the
 * build leave out what no map draws (markers, popups, tooltips, image and video overlays,
 * circles, Leaflet's canvas renderer).
 */
export {
  Browser,
  DomUtil,
  bounds,
  control,
  geoJSON,
  latLngBounds,
  map,
  point,
  svg,
  tileLayer,
} from 'leaflet/dist/leaflet-src.esm.js';
