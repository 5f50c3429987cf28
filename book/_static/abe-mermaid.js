// Render the page's Mermaid diagrams with the local copy of Mermaid (see ext/abe/assets.py).
document.addEventListener("DOMContentLoaded", async () => {
  const theme = document.body.dataset.theme;
  const dark = theme === "dark" ||
    (theme !== "light" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  mermaid.initialize({ startOnLoad: false, securityLevel: "strict",
                       theme: dark ? "dark" : "default" });
  await mermaid.run({ querySelector: "pre.mermaid" });
  document.body.dataset.mermaidRendered = "true";
});
