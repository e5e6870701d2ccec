// gloveboard Train, Explore and corpus pages. Loaded as a file because the Content
// Security Policy allows no inline scripts.
(function () {
  "use strict";

  // Result fragments answer bad input (an unknown word, a perplexity too
  // large) with a 4xx status and a short message marked X-Fragment-Error;
  // htmx does not swap error responses unless told to.
  document.addEventListener("htmx:beforeSwap", function (ev) {
    var xhr = ev.detail.xhr;
    if (xhr && xhr.status >= 400 && xhr.status < 500 && xhr.getResponseHeader("X-Fragment-Error")) {
      ev.detail.shouldSwap = true;
      ev.detail.isError = false;
    }
  });

  // The training form: show that the run is being started.
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.matches || !form.matches("#train-form")) {
      return;
    }
    var button = form.querySelector('button[type="submit"]');
    if (button) {
      button.disabled = true;
      button.textContent = gloveboard.t("js.train.starting");
    }
  });

  // Typing in the word list selects "my words" as the source of the map.
  document.addEventListener("input", function (ev) {
    var t = ev.target;
    if (t && t.id === "map-words") {
      var radio = document.querySelector('input[name="source"][value="words"]');
      if (radio) {
        radio.checked = t.value.trim() !== "";
      }
      var builtin = document.querySelector('input[name="source"][value="builtin"]');
      if (builtin && t.value.trim() === "") {
        builtin.checked = true;
      }
    }
  });

  // Coming back to the page from the history restores the start button.
  window.addEventListener("pageshow", function () {
    var b = document.querySelector("#train-form button[type=submit]");
    if (b) {
      b.disabled = false;
      b.textContent = gloveboard.t("js.train.start");
    }
  });
})();
