/* The admin schedule grid, by hand: drag a meeting onto a slot of its exhibitor's row, or pick
 * it ("Move…") and click a slot. Every place goes through the page's own move form, so the
 * server's placement rules decide and its message (moved, or why not) shows as without the
 * script. Where a picked meeting can go comes from the placements JSON of the admin. */
(function () {
  "use strict";
  const grid = document.getElementById("schedule-grid");
  const form = document.getElementById("grid-move-form");
  if (!grid || !form) {
    return;
  }
  let picked = grid.dataset.picked
    ? { meeting: grid.dataset.picked, sme: grid.dataset.pickedSme }
    : null;

  function rowCells(sme) {
    return grid.querySelectorAll('td[data-sme="' + sme + '"][data-slot]');
  }

  function clearMarks() {
    grid.querySelectorAll("td.free, td.busy, td.current").forEach(function (cell) {
      cell.classList.remove("free", "busy", "current");
      cell.removeAttribute("title");
    });
  }

  function mark(meeting, sme) {
    const url = grid.dataset.placementsUrl.replace(/\/0\/$/, "/" + meeting + "/");
    return fetch(url + "?day=" + encodeURIComponent(grid.dataset.day), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.statusText);
        }
        return response.json();
      })
      .then(function (data) {
        clearMarks();
        const bySlot = {};
        data.slots.forEach(function (slot) {
          bySlot[slot.slot] = slot;
        });
        rowCells(sme).forEach(function (cell) {
          const slot = bySlot[cell.dataset.slot];
          if (!slot) {
            return;
          }
          cell.classList.add(slot.current ? "current" : slot.free ? "free" : "busy");
          cell.dataset.interpreter = slot.interpreter ? slot.interpreter.id : "";
          if (slot.problems.length) {
            cell.title = slot.problems.join(" ");
          }
        });
        grid.dataset.marked = meeting;
      });
  }

  function place(meeting, cell) {
    form.elements.meeting.value = meeting;
    form.elements.slot.value = cell.dataset.slot;
    form.elements.interpreter.value = cell.dataset.interpreter || "";
    form.submit();
  }

  function targetCell(event, sme) {
    const cell = event.target.closest("td[data-slot]");
    return cell && sme && cell.dataset.sme === sme ? cell : null;
  }

  function holds(cell, meeting) {
    return Boolean(cell.querySelector('[data-meeting="' + meeting + '"]'));
  }

  // Pick with "Move…": mark the row in place instead of loading the picked page.
  document.addEventListener("click", function (event) {
    const link = event.target.closest("a.move-link[data-meeting]");
    if (!link || !rowCells(link.dataset.meetingSme).length) {
      return;
    }
    event.preventDefault();
    picked = { meeting: link.dataset.meeting, sme: link.dataset.meetingSme };
    mark(picked.meeting, picked.sme).catch(function () {
      window.location.href = link.href;
    });
  });

  // Click to place: a slot of the picked meeting's row, outside its links and buttons.
  grid.addEventListener("click", function (event) {
    if (!picked || event.target.closest("a, button, input, form")) {
      return;
    }
    const cell = targetCell(event, picked.sme);
    if (cell && !holds(cell, picked.meeting)) {
      place(picked.meeting, cell);
    }
  });

  let dragged = null;
  document.addEventListener("dragstart", function (event) {
    const item = event.target.closest && event.target.closest("[draggable][data-meeting]");
    if (!item) {
      return;
    }
    dragged = { meeting: item.dataset.meeting, sme: item.dataset.meetingSme };
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", dragged.meeting);
    mark(dragged.meeting, dragged.sme).catch(function () {});
  });
  document.addEventListener("dragend", function () {
    dragged = null;
  });
  grid.addEventListener("dragover", function (event) {
    if (dragged && targetCell(event, dragged.sme)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
    }
  });
  grid.addEventListener("drop", function (event) {
    const cell = dragged && targetCell(event, dragged.sme);
    if (!cell || holds(cell, dragged.meeting)) {
      return;
    }
    event.preventDefault();
    // A refused drop is posted too: the server says why and moves nothing.
    place(dragged.meeting, cell);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && picked && !grid.dataset.picked) {
      picked = null;
      clearMarks();
    }
  });
})();
