// html-validate's configuration for the HTML validation test (ADR 19). A .cjs file so each relaxed rule carries its reason.
// Relaxed only where a rule is about how valid HTML is written, never about whether it is valid or accessible.
module.exports = {
  extends: ["html-validate:recommended"],
  rules: {
    // <input> and <input /> are both valid HTML; ASP.NET's own helpers (the antiforgery token) write the second, our views the first.
    "void-style": "off",
    // Whitespace left at line ends by Razor code blocks: invisible, and not an HTML error.
    "no-trailing-whitespace": "off",
    // Razor renders checked="@bool" as checked="checked", which HTML allows for every boolean attribute.
    "attribute-boolean-style": "off",
    // A group of checkboxes sharing one name is how a form posts a list (Channels, PolicyIds) to MVC's model binder.
    "form-dup-name": ["error", { shared: ["radio", "button", "reset", "submit", "checkbox"] }],
  },
};
