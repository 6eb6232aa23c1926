// The menu button below 1220 px: it opens and closes Material's navigation drawer (a hidden
// checkbox), says whether it is open, and Escape or moving focus out of the drawer closes it.
(function () {
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector(".drawer-button");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;

  function show(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function set(open) {
    // A click fires the checkbox's change event, which Material's own script listens to.
    if (toggle.checked !== open) toggle.click();
  }

  button.addEventListener("click", function () {
    set(!toggle.checked);
    if (toggle.checked) {
      var first = drawer.querySelector("a[href], label[tabindex], input, button");
      if (first) first.focus();
    }
  });
  toggle.addEventListener("change", function () { show(toggle.checked); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      set(false);
      button.focus();
    }
  });
  document.addEventListener("focusin", function (event) {
    if (toggle.checked && !drawer.contains(event.target) && event.target !== button) set(false);
  });
  show(toggle.checked);
})();
