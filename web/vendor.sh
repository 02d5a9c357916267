#!/bin/sh
# Copy the built front-end files from node_modules into the package's static folder.
# Run `npm ci && npm run vendor` in web/ after changing package.json; the copies are committed.
set -eu
here=$(dirname "$0")
dest="$here/../src/sitrep/web/static/vendor"
mkdir -p "$dest/images"
cp "$here/node_modules/leaflet/dist/leaflet.js" "$here/node_modules/leaflet/dist/leaflet.css" "$dest/"
cp "$here/node_modules/leaflet/dist/images/"*.png "$dest/images/"
cp "$here/node_modules/leaflet/LICENSE" "$dest/LICENSE.leaflet"
cp "$here/node_modules/topojson-client/dist/topojson-client.min.js" "$dest/"
cp "$here/node_modules/topojson-client/LICENSE" "$dest/LICENSE.topojson-client"
cp "$here/node_modules/world-atlas/countries-50m.json" "$dest/"
cp "$here/node_modules/world-atlas/LICENSE" "$dest/LICENSE.world-atlas"
