// Starts Pagefind's search UI. A separate file, so the Content-Security-Policy can forbid
// inline scripts. The site root is found from this file's own address (theme/js/search.js),
// so search works wherever the site is published (e.g. https://user.github.io/repo/).
// A large site's index comes in several bundles (pagefind/, then the paths listed in the
// #search element's data-bundles): Pagefind merges their results and filters (mergeIndex).
(function () {
  "use strict";
  var script = document.currentScript;
  function start() {
    var root = new URL("../../", script.src).pathname;
    var more = (document.getElementById("search").getAttribute("data-bundles") || "")
      .split(/\s+/).filter(Boolean).map(function (path) {
        return { bundlePath: root + path, baseUrl: root };
      });
    // eslint-disable-next-line no-undef
    new PagefindUI({
      element: "#search",
      baseUrl: root,
      bundlePath: root + "pagefind/",
      mergeIndex: more,
      showSubResults: true,
      showImages: false,
      autofocus: true
    });
    // Pagefind's input is labelled by a title only: give it an accessible name.
    var input = document.querySelector("#search input[type=text], #search input");
    if (input && !input.hasAttribute("aria-label")) {
      input.setAttribute("aria-label", "Search events and articles");
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
