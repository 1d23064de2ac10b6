// A plan in the runner's own week: the long run, the hard runs, the days without a run and a race date, from
// the address (?long=sun&hard=tue,thu&rest=mon&race=2027-04-18) or the last choice on this device. Where the
// sessions go is looked up in what the build worked out with the plan checker's rules (macros/week_placement.py):
// nothing here decides a placement. Without this script the page shows the plan's example weeks.
(() => {
  // The days, Monday first as the looked-up table counts them, their names and the kinds of run: from the page.
  let DAYS = [];
  let NAMES = [];
  let RUNS = {};
  const STORE_KEY = "hip-thrusts-for-runners.week";
  const FIELDS = ["long", "hard", "rest", "race"];

  const dayList = value => (value || "").split(",").filter(day => DAYS.includes(day));
  const isDate = value => /^\d{4}-\d{2}-\d{2}$/.test(value || "") && !Number.isNaN(Date.parse(value));

  // The choice, tidied: one long-run day, hard days other than it, rest days other than both, a real date.
  function choiceFrom(params) {
    const long = DAYS.includes(params.get("long")) ? params.get("long") : null;
    const hard = dayList(params.get("hard")).filter(day => day !== long);
    const rest = dayList(params.get("rest")).filter(day => day !== long && !hard.includes(day));
    const race = isDate(params.get("race")) ? params.get("race") : null;
    return {long, hard, rest, race};
  }

  function query(choice) {
    const params = new URLSearchParams();
    if (choice.long) params.set("long", choice.long);
    if (choice.hard.length) params.set("hard", choice.hard.join(","));
    if (choice.rest.length) params.set("rest", choice.rest.join(","));
    if (choice.race) params.set("race", choice.race);
    return params.toString().replaceAll("%2C", ",");
  }

  function saved() {
    try {
      return new URLSearchParams(localStorage.getItem(STORE_KEY) || "");
    } catch {
      return new URLSearchParams(); // storage blocked: nothing remembered
    }
  }

  function remember(choice) {
    try {
      localStorage.setItem(STORE_KEY, query(choice));
    } catch {
      // storage blocked: the address still holds the choice
    }
  }

  const utcDate = text => new Date(`${text}T00:00:00Z`);
  const shown = date =>
    date.toLocaleDateString("en-GB", {weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC"});
  const short = date => date.toLocaleDateString("en-GB", {day: "numeric", month: "short", timeZone: "UTC"});

  // The looked-up entry for this week: the session days, or the rules that no placement keeps.
  function lookUp(data, choice, raceDay) {
    const long = DAYS.indexOf(choice.long);
    const mask = choice.hard.reduce((bits, day) => bits | (1 << DAYS.indexOf(day)), 0);
    const index = ((raceDay * 7 + long) * 128 + mask) * 2;
    const entry = data.table.slice(index, index + 2);
    if (entry.startsWith("!")) return {problem: data.problems[parseInt(entry.slice(1), 16)]};
    const bits = parseInt(entry, 16);
    return {slots: DAYS.map((_, day) => day).filter(day => bits & (1 << day))};
  }

  function render(widget, data, choice) {
    const result = widget.querySelector(".plan-week__result");
    result.replaceChildren();
    for (const row of document.querySelectorAll(".plan-grid__date")) row.remove();
    if (!choice.long) return;
    // The race's weekday decides the last week; the plan's weeks run from the Monday that makes it end there.
    let raceDay = 0;
    const raceLine = document.querySelector(".plan-race-day");
    if (raceLine) raceLine.dataset.example ??= raceLine.textContent;
    if (data.race && choice.race) {
      const race = utcDate(choice.race);
      raceLine.textContent = `Race day: ${shown(race)}, the end of week ${data.weeks}.`;
      raceDay = (race.getUTCDay() + 6) % 7;
      const start = new Date(race.getTime() - (raceDay + (data.weeks - 1) * 7) * 86400000);
      const when = document.createElement("p");
      when.textContent = `Week 1 starts on ${shown(start)}; the race is on ${shown(race)}, at the end of week ${data.weeks}.`;
      result.append(when);
      document.querySelectorAll(".plan-grid tbody th").forEach((header, week) => {
        const date = document.createElement("span");
        date.className = "plan-grid__date";
        date.textContent = `from ${short(new Date(start.getTime() + week * 7 * 86400000))}`;
        header.append(date);
      });
    } else if (data.race) {
      raceDay = DAYS.indexOf(data.raceDay);
      raceLine.textContent = raceLine.dataset.example;
    }
    const placed = lookUp(data, choice, raceDay);
    if (placed.problem) {
      const problem = document.createElement("p");
      problem.className = "plan-week__problem";
      problem.textContent =
        `No placement of this plan's ${data.sessions === 1 ? "session" : data.sessions + " sessions"} keeps every ` +
        `rule in this week. The rules it cannot keep: ${placed.problem}. Make a hard run an easy one, move the ` +
        "long run, or choose a plan with fewer sessions a week.";
      result.append(problem);
      return;
    }
    const list = document.createElement("ol");
    list.className = "plan-week__days";
    DAYS.forEach((day, index) => {
      const item = document.createElement("li");
      const run = day === choice.long ? "long" : choice.hard.includes(day) ? "hard" : choice.rest.includes(day) ? "rest" : "easy";
      const name = document.createElement("strong");
      name.textContent = `${NAMES[index]}: `;
      item.append(name, RUNS[run]);
      const session = placed.slots.indexOf(index);
      if (session >= 0) {
        const thrusts = document.createElement("strong");
        thrusts.className = "plan-week__session";
        thrusts.textContent = ` · Hip thrusts ${session + 1}`;
        item.append(thrusts);
      }
      list.append(item);
    });
    result.append(list);
  }

  function fill(form, choice) {
    for (const input of form.elements) {
      if (input.name === "long") input.checked = input.value === choice.long;
      if (input.name === "hard") input.checked = choice.hard.includes(input.value);
      if (input.name === "rest") input.checked = choice.rest.includes(input.value);
      if (input.name === "race") input.value = choice.race || "";
    }
  }

  function read(form) {
    const params = new URLSearchParams();
    const checked = name => [...form.elements].filter(input => input.name === name && input.checked).map(i => i.value);
    params.set("long", checked("long")[0] || "");
    params.set("hard", checked("hard").join(","));
    params.set("rest", checked("rest").join(","));
    if (form.elements.race) params.set("race", form.elements.race.value);
    return choiceFrom(params);
  }

  function setUp(widget) {
    const data = JSON.parse(widget.dataset.planWeek);
    ({days: DAYS, names: NAMES, runs: RUNS} = JSON.parse(widget.dataset.planWords));
    const form = widget.querySelector("form");
    const address = new URLSearchParams(location.search);
    const given = FIELDS.some(field => address.has(field));
    let choice = choiceFrom(given ? address : saved());
    // A week the runner gave prints in place of the example weeks; the example alone prints as before.
    widget.classList.toggle("plan-week--chosen", Boolean(choice.long));
    if (!choice.long) {
      // Nothing chosen yet: start from the plan's first example week.
      choice = {
        long: DAYS[data.example.indexOf("long")],
        hard: DAYS.filter((_, day) => data.example[day] === "hard"),
        rest: DAYS.filter((_, day) => data.example[day] === "rest"),
        race: null,
      };
    }
    fill(form, choice);
    render(widget, data, choice);
    form.addEventListener("change", () => {
      choice = read(form);
      widget.classList.add("plan-week--chosen");
      fill(form, choice);
      render(widget, data, choice);
      remember(choice);
      history.replaceState(null, "", `${location.pathname}?${query(choice)}${location.hash}`);
    });
    widget.hidden = false;
  }

  document$.subscribe(() => document.querySelectorAll("[data-plan-week]").forEach(setUp));
})();
