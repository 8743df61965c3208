// argmap watch: ask the server for the next version (a long poll) and reload the frame when it
// comes, keeping the reader's #fragment (its selection). Problems of the last save are listed
// above the frame; a broken save keeps the last good picture in it.
"use strict";
(function () {
  const view = document.getElementById("view");
  const choice = document.getElementById("maps");
  const status = document.getElementById("status");
  const problems = document.getElementById("problems");
  let version = -1;
  let state = null;

  function source(index) {
    const map = state.maps[index];
    if (!map) return "about:blank";
    return "/map/" + index + "/" + (map.page ? "page" : "diagram");
  }

  function show(reload) {
    const index = Number(choice.value || 0);
    const map = state.maps[index];
    let hash = "";
    try { hash = view.contentWindow.location.hash; } catch (e) { hash = ""; }
    const target = source(index) + "?v=" + state.version + hash;
    if (reload || !view.src.includes(source(index))) view.src = target;
    const lines = map ? map.problems : [];
    problems.hidden = lines.length === 0;
    problems.textContent = lines.join("\n");
    if (!map) { status.textContent = "no map found"; status.className = "broken"; return; }
    status.className = map.broken ? "broken" : "ok";
    status.textContent = map.broken
      ? "the last save has errors: showing the last good picture"
      : (lines.length ? lines.length + " lint finding(s)" : "clean") +
        " · checked in " + map.seconds.toFixed(2) + " s";
  }

  function fill() {
    const chosen = choice.value;
    choice.replaceChildren(...state.maps.map((map, index) => {
      const option = document.createElement("option");
      option.value = String(index);
      option.textContent = map.name;
      return option;
    }));
    if (chosen && Number(chosen) < state.maps.length) choice.value = chosen;
  }

  async function next() {
    try {
      const answer = await fetch("/state?after=" + version, { cache: "no-store" });
      const fresh = await answer.json();
      if (fresh.version !== version) {
        const first = state === null;
        state = fresh;
        version = fresh.version;
        fill();
        show(!first);
      }
      setTimeout(next, 0);
    } catch (error) {
      status.textContent = "argmap watch has stopped";
      status.className = "broken";
      setTimeout(next, 1000);
    }
  }

  choice.addEventListener("change", () => show(true));
  next();
})();
