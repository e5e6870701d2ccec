// gloveboard word suggestions. An <input data-words-url="/corpora/1/words"
// list="some-datalist"> (or "/vectors/1/words") gets the most frequent words
// of the corpus or vector set starting with what is typed, from the one
// autocomplete shape {"prefix", "words": [{"word", "rank", "count"?}]}.
// With data-multi the input holds comma-separated words and only the last
// one is completed. Words are set as option values (never as HTML), so
// nothing typed or stored can run as markup.
(function () {
  "use strict";

  var timers = new WeakMap();

  function lastTerm(value, multi) {
    if (!multi) {
      return { head: "", term: value.trim() };
    }
    var cut = value.lastIndexOf(",");
    return { head: value.slice(0, cut + 1), term: value.slice(cut + 1).trim() };
  }

  function suggest(input) {
    var list = input.list;
    if (!list) {
      return;
    }
    var multi = input.hasAttribute("data-multi");
    var parts = lastTerm(input.value, multi);
    if (parts.term === "") {
      return;
    }
    var url = input.getAttribute("data-words-url") +
      "?limit=20&prefix=" + encodeURIComponent(parts.term);
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (resp) {
        return resp.ok ? resp.json() : { words: [] };
      })
      .then(function (data) {
        while (list.firstChild) {
          list.removeChild(list.firstChild);
        }
        (data.words || []).forEach(function (w) {
          var opt = document.createElement("option");
          opt.value = parts.head + w.word;
          if (w.count) {
            // The count in the page's language (1.234 in Vietnamese).
            var count = window.gloveboard ? window.gloveboard.num(w.count, 0) : String(w.count);
            opt.label = w.word + " (" + count + ")";
          }
          list.appendChild(opt);
        });
      })
      .catch(function () {});
  }

  document.addEventListener("input", function (ev) {
    var input = ev.target;
    if (!input.matches || !input.matches("input[data-words-url]")) {
      return;
    }
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(function () { suggest(input); }, 150));
  });
})();
