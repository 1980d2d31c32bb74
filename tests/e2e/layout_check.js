// Layout check run on every page the browser tests visit (tests/e2e/conftest.py) and by
// scripts/screenshots.py. Returns a list of problems as strings:
// - a visible label, legend, heading or button narrower than its longest word (the text
//   breaks inside a word, as in "Maatwerkvoorstelle|n" or one letter per line);
// - horizontal scroll;
// - a page far taller than its content needs.
() => {
  const problems = [];
  // Words are measured in a hidden span with the element's font, by the same text engine.
  const probe = document.createElement("span");
  probe.style.cssText = "position:absolute;visibility:hidden;white-space:nowrap;left:-9999px;top:0";
  document.body.appendChild(probe);
  const selector = "label, legend, summary, h1, h2, h3, h4, th, button, .utrecht-form-label";
  for (const el of document.querySelectorAll(selector)) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none") continue;
    // Only the element's own text: a label wrapping an input measures the words, not the box.
    const text = Array.from(el.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent)
      .join(" ")
      .trim();
    if (!text) continue;
    // (The computed `font` shorthand is empty in Chromium: copy the longhands.)
    for (const prop of ["fontFamily", "fontSize", "fontWeight", "fontStyle", "fontStretch", "fontVariant"]) {
      probe.style[prop] = style[prop];
    }
    probe.style.letterSpacing = style.letterSpacing;
    probe.style.textTransform = style.textTransform;
    // A line may break after a hyphen ("Havenkwartier-|Noord"), as browsers do: each part
    // up to and including its hyphen counts as a word.
    const longest = text
      .split(/\s+/)
      .flatMap((w) => w.split(/(?<=-)/))
      .filter(Boolean)
      .reduce((a, w) => (w.length > a.length ? w : a), "");
    probe.textContent = longest;
    const wordWidth = probe.getBoundingClientRect().width;
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    const available = el.clientWidth ? el.clientWidth - padding : rect.width - padding;
    if (available + 1 < wordWidth) {
      problems.push(
        `"${text.slice(0, 60)}" (${el.tagName.toLowerCase()}) is ${Math.round(available)}px wide, ` +
          `its word "${longest}" needs ${Math.round(wordWidth)}px`
      );
    }
  }
  probe.remove();
  const width = document.documentElement.scrollWidth;
  if (width > window.innerWidth) {
    problems.push(`the page scrolls sideways: ${width}px wide in a ${window.innerWidth}px window`);
  }
  const height = document.documentElement.scrollHeight;
  const chars = (document.body.innerText || "").length;
  const controls = document.querySelectorAll("input, select, textarea, button").length;
  const bound = 2 * window.innerHeight + 2 * chars + 90 * controls;
  if (height > bound) {
    problems.push(`the page is ${height}px tall for ${chars} characters and ${controls} controls (bound ${Math.round(bound)}px)`);
  }
  return problems;
}
