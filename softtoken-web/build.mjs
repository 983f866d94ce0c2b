// Bundles the app for the browser and copies the static files next to it. Output goes into the
// jar's resources (Maven passes the directory); no CDN, no inline script.
import { build } from "esbuild";
import { cpSync, mkdirSync } from "node:fs";

const out = process.argv[2] || "dist";
mkdirSync(out, { recursive: true });
await build({
  entryPoints: ["src/app/main.js"],
  bundle: true,
  format: "esm",
  target: ["es2020"],
  minify: true,
  legalComments: "external",
  outfile: `${out}/app.js`,
});
cpSync("src/static", out, { recursive: true });
