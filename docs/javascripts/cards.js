// Workout cards: the print button and the kg/lb choice, remembered across pages and visits.
// Without this script the controls stay hidden and the cards print in kg, as the page's markup says.
(() => {
  const UNIT_KEY = "hip-thrusts-for-runners.load-unit";

  function savedUnit() {
    try {
      return localStorage.getItem(UNIT_KEY) === "lb" ? "lb" : "kg";
    } catch {
      return "kg"; // storage blocked: the default, for this visit only
    }
  }
  window.savedLoadUnit = savedUnit; // a plan's log (plan-log.js) notes the unit of each logged load

  function showUnit(unit) {
    for (const label of document.querySelectorAll("[data-load-unit]")) {
      label.textContent = unit;
    }
  }

  function setUpControls(controls) {
    const unit = savedUnit();
    showUnit(unit);
    for (const choice of controls.querySelectorAll('input[name="load-unit"]')) {
      choice.checked = choice.value === unit;
      choice.addEventListener("change", () => {
        showUnit(choice.value);
        try {
          localStorage.setItem(UNIT_KEY, choice.value);
        } catch {
          // storage blocked: the choice still holds on this page
        }
      });
    }
    controls.querySelector("[data-card-print]").addEventListener("click", () => window.print());
    controls.hidden = false;
  }

  // Material's document$ emits once the page is ready.
  document$.subscribe(() => document.querySelectorAll("[data-card-controls]").forEach(setUpControls));
})();
