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
    item.querySelector("[data-role=cancel]")?.remove();
    source.close();
    // What the finished search gives is there at once: its CSV, and word that its creators come.
    const job = JSON.parse(event.data);
    if (job.status === "completed" && item.dataset.csv && !item.querySelector("a[download]")) {
      const csv = document.createElement("a");
      csv.href = item.dataset.csv;
      csv.download = "";
      csv.textContent = "CSV";
      item.querySelector("[data-role=text]").after(" ", csv);
    }
    const total = document.getElementById("creator-total");
    if (total) total.textContent = "(+" + job.processedResults + ", loading…)";
    // The creators table is rendered by the server: show the new ones.
    window.location.reload();
  });
  source.onerror = () => { if (source.readyState === EventSource.CLOSED) return; };
}

const PLAN_NAMES = { free: "Free", glow_up: "Glow Up", viral_surge: "Viral Surge", fame_flex: "Fame Flex" };

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
        const cells = [link, user.fullName, user.email, user.businessName, PLAN_NAMES[user.currentPlan] ?? user.currentPlan, user.trialStatus];
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

// Similar searches have a fixed number of creators per platform (TikTok 10, YouTube 100, Instagram 20).
const SIMILAR_TARGETS = { tiktok: 10, youtube: 100, instagram: 20 };

function fitSearchForm(form) {
  const platform = form.querySelector("#platform");
  const mode = form.querySelector("#mode");
  const query = form.querySelector("#query");
  const label = form.querySelector("label[for=query]");
  const target = form.querySelector("#target");
  const fixed = form.querySelector("#fixed-target");
  const fit = () => {
    const similar = mode.value === "similar";
    label.textContent = similar ? label.dataset.similarLabel : label.dataset.keywordLabel;
    query.placeholder = similar ? query.dataset.similarPlaceholder : query.dataset.keywordPlaceholder;
    target.hidden = similar;
    target.disabled = similar;
    fixed.hidden = !similar;
    fixed.querySelector("[data-fixed-target]").textContent = SIMILAR_TARGETS[platform.value];
  };
  platform.addEventListener("change", fit);
  mode.addEventListener("change", fit);
  fit();
}

document.addEventListener("DOMContentLoaded", () => {
  const searchForm = document.querySelector("form[action$='/searches']");
  if (searchForm) fitSearchForm(searchForm);
  document.querySelectorAll("[data-job-id]").forEach((item) => {
    if (item.dataset.status === "pending" || item.dataset.status === "processing") watchJob(item);
  });
  const search = document.querySelector("[data-live-search]");
  if (search) liveSearch(search);
});
