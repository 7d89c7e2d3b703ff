// Progressive enhancement for replies: without JavaScript, "Reply" opens a page with the
// form; with it, the article's own form moves under the comment being answered.
(function () {
  "use strict";
  var form = document.getElementById("comment-form");
  if (!form) return;
  var home = form.parentNode, anchor = form.nextSibling;
  var parentInput = form.querySelector("input[name=parent]");
  var heading = document.getElementById("comment-form-heading");
  var original = heading ? heading.textContent : "";
  var cancel = document.createElement("button");
  cancel.type = "button";
  cancel.className = "cancel-reply";
  cancel.textContent = document.documentElement.lang === "es" ? "Cancelar respuesta" : "Cancel reply";
  cancel.hidden = true;
  form.appendChild(cancel);

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.reply-link") : null;
    if (!link) return;
    event.preventDefault();
    var item = link.closest("li.comment");
    item.appendChild(form);
    parentInput.value = link.getAttribute("data-parent");
    if (heading) heading.textContent = link.textContent;
    cancel.hidden = false;
    form.querySelector("textarea").focus();
  });
  cancel.addEventListener("click", function () {
    home.insertBefore(form, anchor);
    parentInput.value = "";
    if (heading) heading.textContent = original;
    cancel.hidden = true;
  });
})();
