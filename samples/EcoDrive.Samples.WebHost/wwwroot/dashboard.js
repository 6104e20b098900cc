// The sales director's dashboard: reads /kpi/dashboard with the user's API key and draws the KPIs as plain SVG,
// so it works offline with no external script.
"use strict";

const texts = {
  en: { title: "Sales dashboard", apiKey: "API key", from: "From", to: "To", bucket: "By", language: "Language", show: "Show",
        day: "day", week: "week", month: "month", quarter: "quarter", year: "year", newOrders: "New orders",
        conversion: "Lead → customer conversion", revenue: "Revenue (excl. VAT)", ordersChart: "New orders per period",
        revenueChart: "Revenue by product segment", previous: "previous period", cancelled: "cancelled",
        noLeads: "no leads in the period", leadsWon: (won, leads) => `${won} of ${leads} leads won` },
  fr: { title: "Tableau de bord commercial", apiKey: "Clé d'API", from: "Du", to: "Au", bucket: "Par", language: "Langue", show: "Afficher",
        day: "jour", week: "semaine", month: "mois", quarter: "trimestre", year: "année", newOrders: "Nouvelles commandes",
        conversion: "Taux de conversion prospects → clients", revenue: "Chiffre d'affaires HT", ordersChart: "Nouvelles commandes par période",
        revenueChart: "Chiffre d'affaires par segment", previous: "période précédente", cancelled: "annulées",
        noLeads: "aucun prospect sur la période", leadsWon: (won, leads) => `${won} prospects gagnés sur ${leads}` },
};

const $ = (id) => document.getElementById(id);
const lang = () => $("lang").value;
const t = (key) => texts[lang()][key];
const locale = () => (lang() === "fr" ? "fr-FR" : "en-GB");

function applyTexts() {
  document.documentElement.lang = lang();
  document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
}

function money(m) {
  return new Intl.NumberFormat(locale(), { style: "currency", currency: m.currency }).format(Number(m.amount));
}

function percent(rate) {
  return new Intl.NumberFormat(locale(), { style: "percent", maximumFractionDigits: 1 }).format(rate);
}

function barChart(svg, items, cssClass, format) {
  const width = svg.clientWidth || 560, height = 260, top = 20, bottom = 40, left = 10;
  const max = Math.max(1, ...items.map((i) => i.value));
  const slot = (width - left * 2) / Math.max(1, items.length);
  const bar = Math.max(2, slot * 0.7);
  const ns = "http://www.w3.org/2000/svg";
  while (svg.childNodes.length > 1) svg.removeChild(svg.lastChild);
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  items.forEach((item, i) => {
    const h = (height - top - bottom) * (item.value / max);
    const x = left + i * slot + (slot - bar) / 2, y = height - bottom - h;
    const rect = document.createElementNS(ns, "rect");
    Object.entries({ x, y, width: bar, height: Math.max(h, 0), class: `bar ${cssClass}` }).forEach(([k, v]) => rect.setAttribute(k, v));
    rect.dataset.label = item.label;
    rect.dataset.value = item.value;
    svg.appendChild(rect);
    if (items.length <= 16) {
      const value = document.createElementNS(ns, "text");
      Object.entries({ x: x + bar / 2, y: y - 4, "text-anchor": "middle", class: "bar-value" }).forEach(([k, v]) => value.setAttribute(k, v));
      value.textContent = format(item.value);
      svg.appendChild(value);
    }
    if (items.length <= 16 || i % Math.ceil(items.length / 12) === 0) {
      const label = document.createElementNS(ns, "text");
      Object.entries({ x: x + bar / 2, y: height - bottom + 16, "text-anchor": "middle" }).forEach(([k, v]) => label.setAttribute(k, v));
      label.textContent = item.label;
      svg.appendChild(label);
    }
  });
}

async function load(event) {
  if (event) event.preventDefault();
  applyTexts();
  localStorage.setItem("ecodrive.apiKey", $("apiKey").value);
  const query = new URLSearchParams({ from: $("from").value, to: $("to").value, bucket: $("bucket").value, tz: "Europe/Paris" });
  const response = await fetch(`/kpi/dashboard?${query}`, { headers: { "X-Api-Key": $("apiKey").value } });
  const body = await response.json();
  if (!response.ok) {
    $("error").hidden = false;
    $("error").textContent = `${body.title}: ${body.detail ?? ""} (${body.code ?? response.status})`;
    return;
  }
  $("error").hidden = true;
  render(body);
}

function render(d) {
  $("orders-value").textContent = d.totalOrders;
  $("orders-delta").textContent = `${d.totalCancelled} ${t("cancelled")} · ${t("previous")}: ${d.previousTotalOrders}`;
  $("conversion-value").textContent = d.conversion.rate === null ? "—" : percent(d.conversion.rate);
  $("conversion-detail").textContent = d.conversion.rate === null ? t("noLeads") : t("leadsWon")(d.conversion.won, d.conversion.leads);
  const total = d.revenueTotals[0];
  $("revenue-value").textContent = money(total);
  const before = d.previousRevenueTotals.find((m) => m.currency === total.currency);
  $("revenue-delta").textContent = before ? `${t("previous")}: ${money(before)}` : "";
  barChart($("orders-chart"), d.newOrders.map((b) => ({ label: b.label, value: b.orders })), "orders", (v) => String(v));
  barChart($("revenue-chart"), d.revenue.filter((r) => r.net.currency === total.currency).map((r) => ({ label: r.segment, value: Number(r.net.amount) })),
    "revenue", (v) => new Intl.NumberFormat(locale(), { notation: "compact" }).format(v));
}

function init() {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  $("from").value = first.toISOString().slice(0, 10);
  $("to").value = next.toISOString().slice(0, 10);
  $("apiKey").value = new URLSearchParams(location.search).get("key") ?? localStorage.getItem("ecodrive.apiKey") ?? "";
  $("lang").value = (new URLSearchParams(location.search).get("lang") ?? navigator.language ?? "en").startsWith("fr") ? "fr" : "en";
  applyTexts();
  $("controls").addEventListener("submit", load);
  $("lang").addEventListener("change", () => { applyTexts(); if ($("apiKey").value) load(); });
  if ($("apiKey").value) load();
}

init();
