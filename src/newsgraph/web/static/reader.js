// Article reader: clicking a speaker highlights their quotes in the text and filters
// the quote list to them; clicking again clears. Reads only data-* attributes and
// never writes HTML, so article data cannot become markup here.
"use strict";
(function () {
  const text = document.getElementById("text");
  const list = document.getElementById("quote-list");
  const buttons = Array.from(document.querySelectorAll("button.speaker"));
  if (!text || !buttons.length) return;
  let active = null;

  function apply() {
    document.body.classList.toggle("filtering", active !== null);
    for (const b of buttons) b.setAttribute("aria-pressed", String(b.dataset.spk === active));
    for (const q of text.querySelectorAll(".q")) {
      q.classList.toggle("hl", active !== null && q.dataset.spk === active);
      q.classList.toggle("dim", active !== null && q.dataset.spk !== active);
    }
    for (const li of list.children) li.hidden = active !== null && li.dataset.spk !== active;
    if (active !== null) {
      const first = text.querySelector('.q.hl');
      if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  }

  for (const b of buttons) {
    b.addEventListener("click", () => {
      active = active === b.dataset.spk ? null : b.dataset.spk;
      apply();
    });
  }
})();
