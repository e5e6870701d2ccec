// gloveboard page behaviour. Loaded as a file because the Content Security
// Policy allows no inline scripts.
(function () {
  "use strict";

  // The page's strings for scripts: the catalogue entries under "js." in
  // the page's language, put into the page by the layout (views.Layout).
  // gloveboard.t(key, a, b) replaces %s (or %[n]s) with its arguments;
  // gloveboard.num(x, digits) writes a number as the page's language does.
  var strings = {};
  var data = document.getElementById("gb-strings");
  if (data) {
    try {
      strings = JSON.parse(data.textContent) || {};
    } catch (e) {
      strings = {};
    }
  }
  var lang = document.documentElement.lang || "en";
  window.gloveboard = {
    lang: lang,
    t: function (key) {
      var format = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : key;
      var args = Array.prototype.slice.call(arguments, 1);
      var next = 0;
      return format.replace(/%(?:\[(\d+)\])?[sd]/g, function (m, index) {
        var i = index ? Number(index) - 1 : next;
        next = i + 1;
        return i < args.length ? String(args[i]) : m;
      });
    },
    num: function (x, digits) {
      if (!isFinite(x)) {
        return "—";
      }
      var opts = digits === undefined ? {} : { maximumFractionDigits: digits, minimumFractionDigits: digits };
      return Number(x).toLocaleString(lang === "vi" ? "vi-VN" : "en-US", opts);
    }
  };

  // The language switch comes back to this page with its fragment, where
  // map views keep their state.
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest && ev.target.closest(".lang-switch a");
    if (link && window.location.hash) {
      var u = new URL(link.href, window.location.href);
      u.searchParams.set("next", u.searchParams.get("next") + window.location.hash);
      link.href = u.toString();
    }
  });

  function size(n) {
    var units = ["B", "KiB", "MiB", "GiB", "TiB"];
    var i = 0;
    while (n >= 1024 && i < units.length - 1) {
      n /= 1024;
      i++;
    }
    // Same style as the server: whole numbers and values from 100 up
    // without decimals; the decimal separator is the page language's.
    var text = n % 1 === 0 || n >= 100 ? n.toFixed(0) : n.toFixed(1);
    return (lang === "vi" ? text.replace(".", ",") : text) + " " + units[i];
  }

  // Forms with data-confirm ask before they are sent (deletions).
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      ev.preventDefault();
    }
  });

  // Upload forms: refuse a file over the limit before sending it, and show
  // that an upload is under way (large files take a while).
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.matches || !form.matches("form.upload")) {
      return;
    }
    var max = Number(form.getAttribute("data-max-bytes") || 0);
    var input = form.querySelector('input[type="file"]');
    var msg = form.querySelector(".upload-error");
    if (max > 0 && input && input.files.length > 0 && input.files[0].size > max) {
      ev.preventDefault();
      if (msg) {
        msg.textContent = window.gloveboard.t("js.frame.upload_too_large", size(input.files[0].size), size(max));
        msg.hidden = false;
      }
      return;
    }
    if (msg) {
      msg.hidden = true;
    }
    var button = form.querySelector('button[type="submit"]');
    if (button) {
      button.disabled = true;
      button.setAttribute("data-label", button.textContent);
      button.textContent = window.gloveboard.t("js.frame.uploading");
    }
  });

  // Coming back to the page from the history restores the buttons.
  window.addEventListener("pageshow", function () {
    var buttons = document.querySelectorAll("form.upload button[data-label]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].disabled = false;
      buttons[i].textContent = buttons[i].getAttribute("data-label");
    }
  });
})();
