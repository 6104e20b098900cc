// The sales director's dashboard: reads /kpi/dashboard with the user's API key and draws the KPIs as plain SVG,
// so it works offline with no external script.
"use strict";

const texts = {
  en: { title: "Sales dashboard", apiKey: "API key", from: "From", to: "To", bucket: "By", language: "Language", show: "Show",
        day: "day", week: "week", month: "month", quarter: "quarter", year: "year", newOrders: "New orders",
        conversion: "Lead → customer conversion", revenue: "Revenue (excl. VAT)", ordersChart: "New orders per period",
        revenueChart: "Revenue by product segment", previous: "previous period", cancelled: (n) => `${n} cancelled`, colon: ": ",
        noLeads: "no leads in the period", leadsWon: (won, leads) => `${won} of ${leads} lead${leads === 1 ? "" : "s"} won`,
        segments: { suv: "SUV", "city-car": "City car", utility: "Utility van" } },
  fr: { title: "Tableau de bord commercial", apiKey: "Clé d'API", from: "Du", to: "Au", bucket: "Par", language: "Langue", show: "Afficher",
        day: "jour", week: "semaine", month: "mois", quarter: "trimestre", year: "année", newOrders: "Nouvelles commandes",
        conversion: "Taux de conversion prospects → clients", revenue: "Chiffre d'affaires HT", ordersChart: "Nouvelles commandes par période",
        revenueChart: "Chiffre d'affaires par segment", previous: "période précédente", cancelled: (n) => `${n} annulée${n > 1 ? "s" : ""}`, colon: "\u00a0: ",
        noLeads: "aucun prospect sur la période", leadsWon: (won, leads) => `${won} prospect${won > 1 ? "s" : ""} gagné${won > 1 ? "s" : ""} sur ${leads}`,
        segments: { suv: "SUV", "city-car": "Citadine", utility: "Utilitaire" } },
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

// Bars scaled to the largest value, on a baseline. Each item: label (the API's, kept in data-label), text (shown under
// the bar), value (kept in data-value). Values are written above the bars when there are few, otherwise above the
// non-zero ones; labels are thinned out so that they never overlap.
function barChart(svg, items, cssClass, format) {
  const width = svg.clientWidth || 560, height = 260, top = 20, bottom = 40, side = 24;
  const max = Math.max(1, ...items.map((i) => i.value));
  const slot = (width - side * 2) / Math.max(1, items.length);
  const bar = Math.max(2, slot * 0.7);
  const widest = Math.max(1, ...items.map((i) => i.text.length)) * 6.5 + 10;
  const every = Math.max(1, Math.ceil(widest / slot));
  const ns = "http://www.w3.org/2000/svg";
  const add = (name, attributes, text) => {
    const node = document.createElementNS(ns, name);
    Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return svg.appendChild(node);
  };
  while (svg.childNodes.length > 1) svg.removeChild(svg.lastChild);
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  add("line", { x1: side, x2: width - side, y1: height - bottom, y2: height - bottom, class: "axis" });
  items.forEach((item, i) => {
    const h = (height - top - bottom) * (item.value / max);
    const x = side + i * slot + (slot - bar) / 2, y = height - bottom - h;
    const rect = add("rect", { x, y, width: bar, height: Math.max(h, 0), class: `bar ${cssClass}` });
    rect.dataset.label = item.label;
    rect.dataset.value = item.value;
    if (items.length <= 16 || item.value > 0) {
      add("text", { x: x + bar / 2, y: y - 4, "text-anchor": "middle", class: "bar-value" }, format(item.value));
    }
    if (i % every === 0) {
      add("text", { x: x + bar / 2, y: height - bottom + 16, "text-anchor": "middle" }, item.text);
    }
  });
}

// What to write under a bucket's bar: "3 Nov" / "3 nov." for days, "Nov 2026" for months, the API's label otherwise
// (2026-W45, 2026-Q4, 2026).
function bucketText(bucket, kind) {
  const date = new Date(`${bucket.start}T00:00:00Z`);
  const format = (options) => new Intl.DateTimeFormat(locale(), { timeZone: "UTC", ...options }).format(date);
  if (kind === "Day") return format({ day: "numeric", month: "short" });
  if (kind === "Month") return format({ month: "short", year: "numeric" });
  return bucket.label;
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
  $("orders-delta").textContent = `${t("cancelled")(d.totalCancelled)} · ${t("previous")}${t("colon")}${d.previousTotalOrders}`;
  $("conversion-value").textContent = d.conversion.rate === null ? "—" : percent(d.conversion.rate);
  $("conversion-detail").textContent = d.conversion.rate === null ? t("noLeads") : t("leadsWon")(d.conversion.won, d.conversion.leads);
  const total = d.revenueTotals[0];
  $("revenue-value").textContent = money(total);
  const before = d.previousRevenueTotals.find((m) => m.currency === total.currency);
  $("revenue-delta").textContent = before ? `${t("previous")}${t("colon")}${money(before)}` : "";
  barChart($("orders-chart"), d.newOrders.map((b) => ({ label: b.label, text: bucketText(b, d.bucket), value: b.orders })), "orders", (v) => String(v));
  barChart($("revenue-chart"),
    d.revenue.filter((r) => r.net.currency === total.currency)
      .map((r) => ({ label: r.segment, text: t("segments")[r.segment] ?? r.segment, value: Number(r.net.amount) })),
    "revenue", (v) => new Intl.NumberFormat(locale(), { notation: "compact", style: "currency", currency: total.currency }).format(v));
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
