// ESLint for the site's own scripts (overrides/assets/javascripts/, not vendor/) and
// their Node tests: `make lint`. Browser scripts are plain files, one IIFE each, no
// build step; a script that Node's tests also load exports through `module` when present.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: ["**/vendor/**", "**/node_modules/**"],
  },
  js.configs.recommended,
  {
    files: ["overrides/assets/javascripts/**/*.js", "overrides/strict-csp/assets/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser, module: "readonly" },
    },
    rules: {
      // An unused catch binding is how old-browser-safe code says "ignore the error".
      "no-unused-vars": ["error", { caughtErrors: "none" }],
      eqeqeq: ["error", "always"],
      "no-var": "off",
    },
  },
  {
    files: ["tests/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: { ...globals.node },
    },
  },
];
