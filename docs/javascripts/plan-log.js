// A plan's log on the phone: the blanks of the printed log become fields, kept on this device (localStorage,
// nothing sent anywhere), with the load to use next time. Whether to add load is looked up in what the build
// worked out from the add-load rule (macros/load_rule.py): here it is only compared with what was logged.
// Without this script the log stays a sheet to print.
(() => {
  const PREFIX = "hip-thrusts-for-runners.log.";
  const MAX_IMPORT_BYTES = 200000;
  // A row's number fields, with what a screen reader says of each.
  const NUMBER_FIELDS = {load: "load", reps: "repetitions in the last set", left: "repetitions left in the last set"};
  const CSV_HEADER = ["plan", "row", "date", "done", "load", "unit", "reps", "left"];

  // Carries a stored log of an older format forward; a log from a newer site is kept as it is, untouched.
  function upgrade(log, version) {
    if (!log || typeof log !== "object" || typeof log.entries !== "object") return null;
    if (log.version > version) return null;
    return {...log, version};
  }

  const unit = () => window.savedLoadUnit(); // the kg/lb choice of docs/javascripts/cards.js

  const markEmpty = field =>
    field.classList.toggle("plan-log__field--empty", field.type === "checkbox" ? !field.checked : !field.value);

  function setUp(table) {
    if (table.classList.contains("plan-log--live")) return; // set up already
    const data = JSON.parse(table.dataset.planLog);
    const key = PREFIX + data.plan;
    const tools = document.querySelector(".plan-log-tools");
    const status = tools.querySelector(".plan-log-tools__status");
    const say = text => (status.textContent = text);
    const rows = new Set([...table.querySelectorAll("[data-row]")].map(row => row.dataset.row));
    const sessions = new Set([...table.querySelectorAll("[data-session]")].map(cell => cell.dataset.session));

    function stored() {
      let text = null;
      try {
        text = localStorage.getItem(key);
      } catch {
        return {version: data.version, plan: data.plan, entries: {}};
      }
      if (!text) return {version: data.version, plan: data.plan, entries: {}};
      try {
        return upgrade(JSON.parse(text), data.version);
      } catch {
        return null;
      }
    }

    let log = stored();
    if (!log) {
      say("The log kept on this device is from another version of this page; it is left as it was. Reload the page.");
      return;
    }

    function write(next) {
      try {
        localStorage.setItem(key, JSON.stringify(next));
        return true;
      } catch {
        say("Your browser's storage is full or blocked: the last entry is not kept. Export the log to save it.");
        return false;
      }
    }

    // One field changed: merged into what is stored now, so that another tab's entries are not lost.
    function save(id, field, value) {
      const latest = stored() || log;
      const entry = {...(latest.entries[id] || {})};
      if (value === "" || value === false) delete entry[field];
      else entry[field] = value;
      if (field === "load" && value !== "") entry.unit = unit();
      const entries = {...latest.entries, [id]: entry};
      if (!Object.keys(entry).length) delete entries[id];
      const next = {...latest, entries};
      if (write(next)) {
        log = next;
        say("");
      }
      advise();
    }

    function input(cell, id, field, type, label) {
      const element = document.createElement("input");
      element.type = type;
      element.className = `plan-log__field plan-log__field--${field}`;
      element.setAttribute("aria-label", label);
      if (type === "number") {
        element.inputMode = field === "load" ? "decimal" : "numeric";
        element.min = "0";
        element.step = field === "load" ? "0.25" : "1";
      }
      element.dataset.id = id;
      element.dataset.field = field;
      element.addEventListener("change", () => {
        markEmpty(element);
        save(id, field, type === "checkbox" ? element.checked : element.value);
      });
      cell.append(element); // after the printed blank, which paper shows while the field is empty
      return element;
    }

    for (const cell of table.querySelectorAll("[data-session]")) {
      input(cell, cell.dataset.session, "date", "date", `${cell.dataset.what}: date`);
    }
    for (const cell of table.querySelectorAll("[data-done]")) {
      input(cell, cell.dataset.done, "done", "checkbox", `${cell.dataset.what}: done`);
    }
    for (const row of table.querySelectorAll("[data-row]")) {
      for (const cell of row.querySelectorAll("td[data-field]")) {
        const field = cell.dataset.field;
        input(cell, row.dataset.row, field, "number", `${row.dataset.what}: ${NUMBER_FIELDS[field]}`);
      }
      const load = row.querySelector('[data-field="load"]');
      if (load) {
        const advice = document.createElement("span");
        advice.className = "plan-log__advice screen-only";
        advice.setAttribute("aria-live", "polite");
        load.append(advice);
      }
    }

    function show() {
      for (const field of table.querySelectorAll(".plan-log__field")) {
        if (field === document.activeElement) continue;
        const value = (log.entries[field.dataset.id] || {})[field.dataset.field];
        if (field.type === "checkbox") field.checked = Boolean(value);
        else field.value = value ?? "";
        markEmpty(field);
      }
      advise();
    }

    // The load to use next time, from the rows the build named for each weighted exercise.
    function advise() {
      for (const [id, advice] of Object.entries(data.advice)) {
        const row = table.querySelector(`[data-row="${id}"]`);
        const note = row?.querySelector(".plan-log__advice");
        const entry = log.entries[id] || {};
        if (!note) continue;
        if (!entry.load) {
          note.textContent = "";
          continue;
        }
        const load = Number(entry.load);
        const add = advice.after?.every(([other, fewest]) => Number((log.entries[other] || {}).left) >= fewest);
        const loadUnit = entry.unit || unit();
        note.textContent = `Next time: ${add ? load + data.step[loadUnit] : load} ${loadUnit}`;
      }
    }

    function download(name, type, text) {
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], {type}));
      link.download = name;
      link.click();
      URL.revokeObjectURL(link.href);
    }

    const csvCell = value => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
    function toCsv() {
      const lines = [CSV_HEADER.join(",")];
      for (const [id, entry] of Object.entries(log.entries)) {
        lines.push(CSV_HEADER.map(column =>
          csvCell(String(column === "plan" ? data.plan : column === "row" ? id : entry[column] ?? ""))).join(","));
      }
      return lines.join("\n") + "\n";
    }

    function fromCsv(text) {
      const [header, ...lines] = text.trim().split(/\r?\n/);
      if (header !== CSV_HEADER.join(",")) throw new Error("this is not a log exported from this guide");
      const entries = {};
      for (const line of lines) {
        const cells = line.split(",");
        if (cells.length !== CSV_HEADER.length) throw new Error("a line of the file is cut short or too long");
        const record = Object.fromEntries(CSV_HEADER.map((column, index) => [column, cells[index]]));
        if (record.plan !== data.plan) throw new Error("this log is of another plan");
        const entry = {};
        for (const column of ["date", "load", "unit", "reps", "left"]) if (record[column]) entry[column] = record[column];
        if (record.done === "true") entry.done = true;
        entries[record.row] = entry;
      }
      return {version: data.version, plan: data.plan, entries};
    }

    // Only a log of this plan, whose every entry is one this page has and holds what a field can, comes in.
    function checked(candidate) {
      const log = upgrade(candidate, data.version);
      if (!log) throw new Error("this is not a log this page can read");
      if (log.plan !== data.plan) throw new Error("this log is of another plan");
      for (const [id, entry] of Object.entries(log.entries)) {
        if (!rows.has(id) && !sessions.has(id)) throw new Error(`the log names a row this plan does not have (${id})`);
        for (const [field, value] of Object.entries(entry)) {
          const ok =
            field === "date" ? /^\d{4}-\d{2}-\d{2}$/.test(value) :
            field === "done" ? value === true :
            field === "unit" ? value === "kg" || value === "lb" :
            Object.hasOwn(NUMBER_FIELDS, field) && /^\d{1,4}(\.\d{1,2})?$/.test(String(value));
          if (!ok) throw new Error(`the log holds something a field cannot (${id}, ${field})`);
        }
      }
      return log;
    }

    tools.querySelector("[data-log-import-button]").addEventListener("click", () =>
      tools.querySelector("[data-log-import]").click());
    tools.querySelector("[data-log-import]").addEventListener("change", async event => {
      const file = event.target.files[0];
      event.target.value = "";
      if (!file) return;
      if (file.size > MAX_IMPORT_BYTES) return say("That file is too large to be a log of this plan; nothing changed.");
      try {
        const text = await file.text();
        const candidate = text.trimStart().startsWith("{") ? JSON.parse(text) : fromCsv(text);
        const next = checked(candidate);
        if (write(next)) {
          log = next;
          show();
          say(`Imported ${Object.keys(next.entries).length} entries.`);
        }
      } catch (error) {
        say(`Not imported: ${error instanceof SyntaxError ? "the file is not a complete log" : error.message}; nothing changed.`);
      }
    });
    for (const button of tools.querySelectorAll("[data-log-export]")) {
      button.addEventListener("click", () => {
        const json = button.dataset.logExport === "json";
        download(`${data.plan}-log.${json ? "json" : "csv"}`, json ? "application/json" : "text/csv", json ? JSON.stringify(log, null, 1) : toCsv());
      });
    }
    tools.querySelector("[data-log-clear]").addEventListener("click", () => {
      if (!confirm("Clear every entry of this plan's log on this device?")) return;
      const next = {version: data.version, plan: data.plan, entries: {}};
      if (write(next)) {
        log = next;
        show();
        say("The log is cleared.");
      }
    });
    // Another tab wrote the log: show its entries here too.
    addEventListener("storage", event => {
      if (event.key !== key) return;
      const latest = stored();
      if (latest) {
        log = latest;
        show();
      }
    });

    show();
    table.classList.add("plan-log--live");
    tools.hidden = false;
  }

  document$.subscribe(() => document.querySelectorAll("[data-plan-log]").forEach(setUp));
})();
