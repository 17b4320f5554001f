// The course's present view (helpers/present/): charts take the width they are given.
// Voilà draws the widgets while the page is still hidden, where plotly falls back to 700 px;
// telling the page its size changed (a window "resize") lets every chart, whose plotly config is
// responsive, redraw at its container's width. Done whenever a chart appears or the page width
// changes; never in a loop (only a change of width counts).
(function () {
  let width = -1;
  let pending = false;
  function announce() {
    pending = false;
    window.dispatchEvent(new Event("resize"));
  }
  function soon() {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(announce);
    }
  }
  const cells = () => document.getElementById("rendered_cells") || document.body;
  new ResizeObserver(() => {
    const now = cells().getBoundingClientRect().width;
    if (now !== width) {
      width = now;
      soon();
    }
  }).observe(document.body);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === 1 && (node.matches(".js-plotly-plot") ||
            node.querySelector(".js-plotly-plot"))) {
          soon();
          return;
        }
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
  document.addEventListener("plotlywidget-after-render", soon);
})();
