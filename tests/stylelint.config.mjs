// Stylelint for the site's own stylesheets (overrides/assets/stylesheets/): `make lint`.
// The standard configuration, with the project's class names: mdx-block__element--modifier (BEM).
export default {
  extends: ["stylelint-config-standard"],
  rules: {
    // Material's custom properties name variants BEM-style: --md-primary-fg-color--dark.
    "custom-property-pattern": ["^[a-z0-9]+(?:-{1,2}[a-z0-9]+)*$", { message: "Use kebab-case, with -- before a variant" }],
    "selector-class-pattern": [
      // Ours (mdx-), Material's (md-), and the Markdown extensions' own (admonition).
      "^(?:(?:mdx|md)-[a-z0-9]+(?:-[a-z0-9]+)*(?:__[a-z0-9]+(?:-[a-z0-9]+)*)?(?:--[a-z0-9]+(?:-[a-z0-9]+)*)?|admonition(?:-title)?)$",
      { message: "Use the project's BEM class names: mdx-block__element--modifier" },
    ],
  },
};
