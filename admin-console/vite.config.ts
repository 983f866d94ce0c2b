import react from "@vitejs/plugin-react-swc";
import { defineConfig } from "vite";

// React comes from Keycloak's shared vendor files (the import map in the stock index.ftl).
export default defineConfig({
  plugins: [react()],
  base: "",
  build: {
    target: "es2022",
    outDir: "target/vite",
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    rollupOptions: {
      input: "src/main.tsx",
      external: ["react", "react/jsx-runtime", "react-dom"],
    },
  },
});
