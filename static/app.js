// gloveboard page behaviour. Loaded as a file because the Content Security
// Policy allows no inline scripts.
(function () {
  "use strict";

  function size(n) {
    var units = ["B", "KiB", "MiB", "GiB", "TiB"];
    var i = 0;
    while (n >= 1024 && i < units.length - 1) {
      n /= 1024;
      i++;
    }
    // Same style as the server: whole numbers and values from 100 up
    // without decimals.
    return (n % 1 === 0 || n >= 100 ? n.toFixed(0) : n.toFixed(1)) + " " + units[i];
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
        msg.textContent = "This file is " + size(input.files[0].size) +
          ", larger than the upload limit of " + size(max) + ".";
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
      button.textContent = "Uploading…";
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
