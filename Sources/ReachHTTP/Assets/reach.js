// Reach dashboard: live progress of searches (Server-Sent Events) and admin user search as you type.
"use strict";

function watchJob(item) {
  const id = item.dataset.jobId;
  const bar = item.querySelector("[data-role=bar]");
  const text = item.querySelector("[data-role=text]");
  const status = item.querySelector("[data-role=status]");
  const source = new EventSource("/api/jobs/" + encodeURIComponent(id) + "/events");
  const update = (event) => {
    const job = JSON.parse(event.data);
    bar.value = job.progress;
    bar.textContent = job.progress + "%";
    text.textContent = job.progress + "% · " + job.processedResults + " of " + job.targetResults;
    status.textContent = job.status;
    status.className = "badge " + job.status;
    item.dataset.status = job.status;
  };
  source.addEventListener("progress", update);
  source.addEventListener("done", (event) => {
    update(event);
    source.close();
    // The creators table is rendered by the server: show the new ones.
    setTimeout(() => window.location.reload(), 600);
  });
  source.onerror = () => { if (source.readyState === EventSource.CLOSED) return; };
}

function liveSearch(input) {
  const table = document.querySelector("#user-results tbody");
  let timer = null;
  let latest = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const request = ++latest;
      const response = await fetch(input.dataset.liveSearch + "?limit=50&q=" + encodeURIComponent(input.value), { credentials: "same-origin" });
      if (!response.ok || request !== latest) return;
      const { users } = await response.json();
      table.replaceChildren(...users.map((user) => {
        const row = document.createElement("tr");
        const link = document.createElement("a");
        link.href = "/admin/users/" + encodeURIComponent(user.userId);
        link.textContent = user.userId;
        const cells = [link, user.fullName, user.email, user.businessName, user.currentPlan, user.trialStatus];
        for (const value of cells) {
          const cell = document.createElement("td");
          if (value instanceof Node) cell.append(value); else cell.textContent = value ?? "";
          row.append(cell);
        }
        return row;
      }));
    }, 150);
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-job-id]").forEach((item) => {
    if (item.dataset.status === "pending" || item.dataset.status === "processing") watchJob(item);
  });
  const search = document.querySelector("[data-live-search]");
  if (search) liveSearch(search);
});
