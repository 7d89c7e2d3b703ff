// Keyboard moderation: j/k move between comments, a approve, r reject (with the reason
// chosen in that row), s spam, x select, o open the reader's history. Keys are ignored
// while typing in a field.
(function () {
  "use strict";
  var form = document.getElementById("queue-form");
  if (!form) return;
  var rows = Array.prototype.slice.call(form.querySelectorAll(".queue-row"));
  var current = -1;
  var selectAll = document.getElementById("select-all");
  if (selectAll) {
    selectAll.addEventListener("change", function () {
      rows.forEach(function (row) { row.querySelector("input[name=ids]").checked = selectAll.checked; });
    });
  }
  function focus(index) {
    if (!rows.length) return;
    index = Math.max(0, Math.min(rows.length - 1, index));
    if (current >= 0) rows[current].classList.remove("is-current");
    current = index;
    rows[current].classList.add("is-current");
    rows[current].focus({ preventScroll: true });
    rows[current].scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target && /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName) && target.type !== "checkbox") return;
    var key = event.key;
    if (key === "j") { focus(current + 1); event.preventDefault(); return; }
    if (key === "k") { focus(current - 1); event.preventDefault(); return; }
    if (current < 0) return;
    var row = rows[current];
    if (key === "x") {
      var box = row.querySelector("input[name=ids]");
      box.checked = !box.checked;
      event.preventDefault();
      return;
    }
    var control = row.querySelector("[data-key='" + key + "']");
    if (control) {
      event.preventDefault();
      control.click();
    }
  });
  if (rows.length) focus(0);
})();
