// Starts Pagefind's search UI. A separate file, so the Content-Security-Policy can forbid
// inline scripts. The site root is found from this file's own address (theme/js/search.js),
// so search works wherever the site is published (e.g. https://user.github.io/repo/).
(function () {
  "use strict";
  var script = document.currentScript;
  function start() {
    var root = new URL("../../", script.src).pathname;
    // eslint-disable-next-line no-undef
    new PagefindUI({
      element: "#search",
      baseUrl: root,
      bundlePath: root + "pagefind/",
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
