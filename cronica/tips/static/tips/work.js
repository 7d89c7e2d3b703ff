// Proof of work for the tip forms (cronica/core/proofofwork.py). Behind an onion service
// every visitor shares one address, so a solved challenge is what lets a source past a
// flood. Without JavaScript the form is sent as it is and shares the no-work budget.
(function () {
  "use strict";
  if (!window.crypto || !window.crypto.subtle || !window.TextEncoder) return;
  var encoder = new TextEncoder();

  function zeroBits(buffer) {
    var bytes = new Uint8Array(buffer), bits = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) { bits += 8; continue; }
      return bits + Math.clz32(bytes[i]) - 24;
    }
    return bits;
  }

  async function solve(challenge, wanted) {
    for (var nonce = 0; ; nonce++) {
      var digest = await crypto.subtle.digest("SHA-256", encoder.encode(challenge + ":" + nonce));
      if (zeroBits(digest) >= wanted) return String(nonce);
    }
  }

  document.querySelectorAll("form[data-work-challenge]").forEach(function (form) {
    var challenge = form.getAttribute("data-work-challenge");
    var wanted = parseInt(form.getAttribute("data-work-bits"), 10);
    var solution = solve(challenge, wanted);
    form.addEventListener("submit", function (event) {
      if (form.dataset.workDone) return;
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      if (button) button.disabled = true;
      solution.then(function (nonce) {
        var url = new URL(form.action, document.baseURI);
        url.searchParams.set("work_challenge", challenge);
        url.searchParams.set("work_nonce", nonce);
        form.action = url.toString();
        form.dataset.workDone = "1";
        if (button) button.disabled = false;
        form.submit();
      });
    });
  });
})();
